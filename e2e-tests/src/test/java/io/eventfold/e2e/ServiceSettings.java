package io.eventfold.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service reads from its environment, taken from its executable jar: every configuration property
 * declared in the Spring Boot metadata of its own code and its libraries, and every {@code ${VARIABLE}}
 * placeholder in its application.properties.
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> properties = new HashSet<>();
    private final Set<String> mapPrefixes = new HashSet<>();
    private final Set<String> placeholders = new HashSet<>();

    static ServiceSettings of(Path executableJar) {
        var settings = new ServiceSettings();
        try (var jar = new ZipFile(executableJar.toFile())) {
            var entries = jar.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (entry.getName().endsWith("META-INF/spring-configuration-metadata.json")) {
                    settings.readMetadata(jar.getInputStream(entry));
                } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    settings.readLibrary(jar, entry);
                } else if (entry.getName().equals("BOOT-INF/classes/application.properties")) {
                    var text = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    PLACEHOLDER.matcher(text).results().forEach(m -> settings.placeholders.add(m.group(1)));
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

    private void readLibrary(ZipFile jar, ZipEntry library) throws IOException {
        var bytes = jar.getInputStream(library).readAllBytes();
        try (var nested = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                if (entry.getName().equals("META-INF/spring-configuration-metadata.json")) {
                    readMetadata(new ByteArrayInputStream(nested.readAllBytes()));
                }
            }
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
