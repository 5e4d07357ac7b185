package io.eventfold.projection.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only operators reach {@code /admin/**}: {@code Authorization: Bearer <EVENTFOLD_OPERATOR_TOKEN>}. No
 * credential is 401, a wrong one (or none configured on the server) 403; the request does nothing.
 */
@Component
class OperatorTokenFilter extends OncePerRequestFilter {

    private final OperatorProperties operator;

    OperatorTokenFilter(OperatorProperties operator) {
        this.operator = operator;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            refuse(response, 401, "Unauthorized", "An operator token is required: Authorization: Bearer <token>");
            return;
        }
        var expected = operator.token();
        if (expected == null || expected.isBlank() || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), header.substring(7).getBytes(StandardCharsets.UTF_8))) {
            refuse(response, 403, "Forbidden", "The operator token is not valid");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.getWriter().write("{\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title, status,
                detail));
    }
}
