package io.berth.images.internal.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small token service for the bearer flow (Docker Hub's): {@code GET /token?service=&scope=} with basic
 * credentials answers a JWT (RS256, {@code x5c} header) signed by a key whose self-signed certificate the
 * {@link LocalRegistry} trusts. Known user: every action asked for; anonymous: no access at all; wrong password:
 * 401. Counts the tokens it issued. Closing stops it.
 */
public final class TokenServer implements AutoCloseable {

    public static final String SERVICE = "berth-test-registry";
    public static final String ISSUER = "berth-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path certificate;
    private final PrivateKey key;
    private final X509Certificate cert;
    private final String user;
    private final String password;
    private final AtomicInteger issued = new AtomicInteger();

    public TokenServer(Path dir, String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("token-key.pem");
        this.certificate = dir.resolve("token-cert.pem");
        Processes.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                keyFile.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=berth-test-token"));
        this.key = readKey(keyFile);
        try (var in = Files.newInputStream(certificate)) {
            this.cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public Path certificate() {
        return certificate;
    }

    public int tokensIssued() {
        return issued.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String account = null;
            if (authorization != null) {
                String pair = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                        StandardCharsets.UTF_8);
                if (!pair.equals(user + ":" + password)) {
                    send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"incorrect username "
                            + "or password\"}]}");
                    return;
                }
                account = user;
            }
            String jwt = jwt(account, account == null ? null : query.get("scope"));
            issued.incrementAndGet();
            send(exchange, 200, JSON.writeValueAsString(Map.of("token", jwt, "expires_in", 300)));
        } catch (Exception e) {
            send(exchange, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    private String jwt(String account, String scope) throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(Base64.getEncoder().encodeToString(cert.getEncoded())));
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", account == null ? "" : account);
        claims.put("aud", SERVICE);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 10);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access(scope));
        String signingInput = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(signature.sign());
    }

    /** {@code repository:name:pull,push} as the token's access list. */
    private static List<Map<String, Object>> access(String scope) {
        if (scope == null || scope.isEmpty()) {
            return List.of();
        }
        String[] parts = scope.split(":");
        if (parts.length != 3) {
            return List.of();
        }
        return List.of(Map.of("type", parts[0], "name", parts[1], "actions", List.of(parts[2].split(","))));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static PrivateKey readKey(Path pem) throws Exception {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
