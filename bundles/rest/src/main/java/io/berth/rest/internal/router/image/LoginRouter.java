package io.berth.rest.internal.router.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageService;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.RegistryAuthHeader.AuthConfig;

/**
 * {@code POST /auth} ({@code docker login}): the registry checks the credentials; nothing is stored, the client
 * keeps them and sends them with each pull ({@code X-Registry-Auth}).
 */
@Component(service = Router.class)
public class LoginRouter implements Router {

    private final ImageService images;

    @Activate
    public LoginRouter(@Reference ImageService images) {
        this.images = images;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/auth", this::postAuth));
    }

    void postAuth(ApiExchange ex) throws Exception {
        AuthConfig config = ex.body(AuthConfig.class);
        if (config == null) {
            throw new InvalidArgumentException("a login needs a body with the credentials");
        }
        images.login(config.credentials());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Status", "Login Succeeded");
        answer.put("IdentityToken", "");
        ex.json(200, answer);
    }
}
