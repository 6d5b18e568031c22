package io.berth.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds Jetty's server TLS context for mutual TLS from PEM files (certificate chain, PKCS#8 key, client CA). */
final class TlsContexts {

    private static final char[] PASSWORD = "berth".toCharArray();

    private TlsContexts() {
    }

    static SslContextFactory.Server server(ListenerSettings.TlsFiles files)
            throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Collection<? extends Certificate> chain = cf.generateCertificates(
                new ByteArrayInputStream(Files.readAllBytes(files.cert())));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", privateKey(Files.readString(files.key())), PASSWORD,
                chain.toArray(new Certificate[0]));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate ca : cf.generateCertificates(new ByteArrayInputStream(
                Files.readAllBytes(files.clientCa())))) {
            trust.setCertificateEntry("ca" + i++, ca);
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keys);
        ssl.setKeyStorePassword(new String(PASSWORD));
        ssl.setTrustStore(trust);
        ssl.setNeedClientAuth(true);
        return ssl;
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException("tlsKey must be a PEM PKCS#8 key (BEGIN PRIVATE KEY)");
        }
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64));
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("tlsKey is neither an RSA, EC nor Ed25519 key");
    }
}
