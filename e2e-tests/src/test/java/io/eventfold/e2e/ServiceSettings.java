package io.eventfold.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service reads from its environment, taken from the unpacked service the image runs: every
 * configuration property declared in the Spring Boot metadata of its own jar and of the libraries its manifest
 * puts on the class path, and every {@code ${VARIABLE}} placeholder in its application.properties.
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> properties = new HashSet<>();
    private final Set<String> mapPrefixes = new HashSet<>();
    private final Set<String> placeholders = new HashSet<>();

    /** {@code serviceJar}: the service's own jar in {@code target/extracted/}, its libraries beside it. */
    static ServiceSettings of(Path serviceJar) {
        var settings = new ServiceSettings();
        try (var jar = new JarFile(serviceJar.toFile())) {
            settings.readMetadata(jar);
            var properties = jar.getEntry("application.properties");
            if (properties != null) {
                var text = new String(jar.getInputStream(properties).readAllBytes(), StandardCharsets.UTF_8);
                PLACEHOLDER.matcher(text).results().forEach(m -> settings.placeholders.add(m.group(1)));
            }
            var classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            for (var library : classPath.trim().split("\\s+")) {
                try (var libraryJar = new JarFile(serviceJar.resolveSibling(library).toFile())) {
                    settings.readMetadata(libraryJar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** Whether setting this environment variable changes anything in the service (Spring's relaxed binding). */
    boolean reads(String variable) {
        if (placeholders.contains(variable)) {
            return true;
        }
        var key = normalize(variable);
        return properties.contains(key) || mapPrefixes.stream().anyMatch(key::startsWith);
    }

    private void readMetadata(JarFile jar) throws IOException {
        var metadata = jar.getEntry(METADATA);
        if (metadata != null) {
            readMetadata(jar.getInputStream(metadata));
        }
    }

    private void readMetadata(InputStream in) {
        var metadata = JSON.readTree(in);
        for (var property : metadata.path("properties")) {
            var name = normalize(property.path("name").asString());
            properties.add(name);
            if (property.path("type").asString("").startsWith("java.util.Map")) {
                mapPrefixes.add(name);
            }
        }
    }

    private static String normalize(String name) {
        return name.replaceAll("[._-]", "").toLowerCase(Locale.ROOT);
    }
}
