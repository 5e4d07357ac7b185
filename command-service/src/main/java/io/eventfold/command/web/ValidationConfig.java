package io.eventfold.command.web;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationConfig {

    /**
     * What is validated here are request records, never JPA entities. With JPA on the class path Hibernate
     * Validator asks JPA, for every property of every request, whether it is loaded yet; that showed in the
     * command path's profile.
     */
    @Bean
    ValidationConfigurationCustomizer traverseEveryProperty() {
        return configuration -> configuration.traversableResolver(new TraverseAll());
    }

    private static final class TraverseAll implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    }
}
