package io.eventfold.query.dashboard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dashboard document without the registrants' personal data: each {@code recent_registrations} entry keeps
 * its {@code registrationId}, {@code role} and {@code registeredAt}. Derived from the stored document rather than
 * stored a second time; it costs a parse, so it is made once per stored version and kept in {@link DashboardCache}.
 */
final class PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PERSONAL = List.of("userId", "name", "email");

    private PersonalData() {
    }

    /** {@code document}: UTF-8 JSON as the projector wrote it. */
    static byte[] removedFrom(byte[] json) {
        var document = JSON.readTree(json);
        for (var registration : document.path("recent_registrations")) {
            if (registration instanceof ObjectNode entry) {
                entry.remove(PERSONAL);
            }
        }
        return JSON.writeValueAsBytes(document);
    }

    static byte[] inflate(byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The stored dashboard is not valid gzip", e);
        }
    }

    static byte[] gzip(byte[] text) {
        var bytes = new ByteArrayOutputStream(text.length / 4 + 64);
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
