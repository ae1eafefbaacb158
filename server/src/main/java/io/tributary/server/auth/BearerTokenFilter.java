package io.tributary.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the API paths ({@code /api/...}, {@code /v1/...}). With authentication on, a request
 * needs {@code Authorization: Bearer <token>}; health and token endpoints stay open. With it off,
 * only loopback clients are served unless remote clients are explicitly allowed. A refused request
 * gets 401 with a JSON body that says what to do.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenService tokens;

    public BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/") || path.startsWith("/v1/") || path.equals("/v1");
        boolean open = path.endsWith("/health") || path.endsWith("/applications/token");
        return !api || open;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!tokens.enabled()) {
            if (tokens.allowRemoteWithoutAuth() || isLoopback(request.getRemoteAddr())) {
                chain.doFilter(request, response);
            } else {
                refuse(
                        response,
                        "authentication is off, so only clients on this machine are served; enable it "
                                + "(tributary.auth.enabled with client credentials) or set tributary.auth.allow-remote-without-auth");
            }
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(
                    response,
                    "missing Authorization: Bearer <token>; get a token from POST /api/public/v1/applications/token "
                            + "with client_id and client_secret");
            return;
        }
        Optional<String> client = tokens.verify(header.substring(7));
        if (client.isEmpty()) {
            refuse(
                    response,
                    "the Bearer token is unknown or expired; get a new one from POST /api/public/v1/applications/token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String body =
                "{\"type\":\"https://reference.airbyte.com/reference/errors#unauthorized\",\"title\":\"unauthorized\","
                        + "\"status\":401,\"detail\":\"" + detail.replace("\"", "'") + "\",\"message\":\""
                        + detail.replace("\"", "'") + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
