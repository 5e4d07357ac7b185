package io.eventfold.query.freshness;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tells a waiting read when its request thread has left every filter. Until then filters may still touch the
 * response (security headers are written as the chain unwinds), so {@link Waits} answers no sooner: a wait
 * that ends at once would otherwise write the response from two threads.
 */
@Component
class DispatchEnd implements Filter, Ordered {

    private static final String ATTRIBUTE = DispatchEnd.class.getName();

    /** Completes once the request thread has left the filters of {@code request}. */
    static CompletableFuture<Void> of(ServletRequest request) {
        var left = new CompletableFuture<Void>();
        request.setAttribute(ATTRIBUTE, left);
        return left;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(ATTRIBUTE) instanceof CompletableFuture<?> left) {
                left.complete(null);
            }
        }
    }
}
