package io.berth.rest.internal;

import io.berth.common.host.ProcessUser;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.rest.internal.http.ApiHandler;
import io.berth.rest.internal.http.RouteTable;
import io.berth.rest.internal.http.Router;

/**
 * The Docker Engine API server, configured by PID {@code io.berth.rest} (optional: defaults apply without a
 * configuration). Routers are mounted and unmounted as their services come and go (multiple, dynamic: a
 * router whose own dependencies are missing is simply absent, R12). A configuration change rebinds the
 * listeners; the route table survives it.
 */
@Component(name = "io.berth.rest", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = RestConfig.class)
public class RestComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RestComponent.class);

    private final RouteTable routes = new RouteTable();
    private String version = "dev";
    private RestServer server;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRouter(Router router) {
        routes.add(router);
    }

    void removeRouter(Router router) {
        routes.remove(router);
    }

    @Activate
    void activate(RestConfig config, BundleContext context) {
        Version v = context.getBundle().getVersion();
        version = Version.emptyVersion.equals(v) ? "dev" : v.toString();
        bind(config, context.getProperty("karaf.data"));
    }

    @Modified
    synchronized void modified(RestConfig config, BundleContext context) {
        LOG.info("Docker API configuration changed; rebinding");
        unbind();
        bind(config, context.getProperty("karaf.data"));
    }

    @Deactivate
    synchronized void deactivate() {
        unbind();
    }

    private synchronized void bind(RestConfig config, String karafData) {
        ListenerSettings settings;
        try {
            settings = ListenerSettings.from(config, ProcessUser.isRoot(), karafData);
        } catch (IllegalArgumentException e) {
            LOG.error("Docker API not started: invalid io.berth.rest configuration: {}", e.getMessage());
            return;
        }
        RestServer next = new RestServer(settings, new ApiHandler(routes, settings.maxJsonBody(), version,
                Duration.ofSeconds(Math.max(0, config.updateWaitSeconds()))));
        try {
            next.start();
            server = next;
        } catch (Exception e) {
            LOG.error("Docker API cannot listen on {}: {}", settings.socket(), e.toString());
            next.stop();
        }
    }

    private void unbind() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
