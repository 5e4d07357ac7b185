package io.eventfold.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Publishes refused authentications as Spring Boot's publisher does, but not successful ones: every request
 * carries a token, so a success event per request went through the application's event multicaster (and was
 * compiled into the hottest code by the JIT) while nothing listens for it.
 */
final class FailureEvents implements AuthenticationEventPublisher {

    private final DefaultAuthenticationEventPublisher failures;

    FailureEvents(ApplicationEventPublisher publisher) {
        this.failures = new DefaultAuthenticationEventPublisher(publisher);
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        // Deliberately nothing: see the class comment.
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        failures.publishAuthenticationFailure(exception, authentication);
    }
}
