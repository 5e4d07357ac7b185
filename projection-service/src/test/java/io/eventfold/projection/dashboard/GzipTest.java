package io.eventfold.projection.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Property
    void any_document_comes_back_as_it_was_written(@ForAll String document) throws IOException {
        var bytes = document.getBytes(StandardCharsets.UTF_8);

        assertThat(gunzip(Gzip.compress(bytes))).isEqualTo(bytes);
    }

    @Test
    void data_larger_than_the_buffers_and_data_that_does_not_compress_come_back_too() throws IOException {
        var noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        var text = "{\"sessions\":[…]}".repeat(20_000).getBytes(StandardCharsets.UTF_8);

        var compressedNoise = Gzip.compress(noise);
        var compressedText = Gzip.compress(text);
        var small = Gzip.compress("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(gunzip(compressedNoise)).isEqualTo(noise);
        assertThat(gunzip(compressedText)).isEqualTo(text);
        assertThat(compressedText.length).isLessThan(text.length / 8);
        assertThat(gunzip(small)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
