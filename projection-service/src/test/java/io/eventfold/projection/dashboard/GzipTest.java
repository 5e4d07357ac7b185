package io.eventfold.projection.dashboard;

import static io.eventfold.projection.ProjectionFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Property
    void any_document_comes_back_as_it_was_written(@ForAll String document) {
        var bytes = document.getBytes(StandardCharsets.UTF_8);

        assertThat(gunzip(Gzip.compress(bytes))).isEqualTo(bytes);
    }

    @Property
    void a_document_with_a_piece_deflated_beforehand_comes_back_whole(@ForAll String head, @ForAll String middle,
                                                                       @ForAll String tail) {
        var piece = Gzip.piece(middle.getBytes(StandardCharsets.UTF_8));

        var gzip = Gzip.compress(Gzip.piece(head.getBytes(StandardCharsets.UTF_8)), piece,
                tail.getBytes(StandardCharsets.UTF_8));

        assertThat(gunzip(gzip)).isEqualTo((head + middle + tail).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_piece_larger_than_the_buffers_is_spliced_as_it_was_deflated() {
        var sessions = "{\"title\":\"Kafka in practice\"},".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        var noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        var tail = "]}".getBytes(StandardCharsets.UTF_8);
        var piece = Gzip.piece(sessions);

        var gzip = Gzip.compress(Gzip.piece(noise), piece, tail);

        assertThat(gunzip(gzip)).isEqualTo(ByteBuffer.allocate(noise.length + sessions.length + tail.length)
                .put(noise).put(sessions).put(tail).array());
        assertThat(Gzip.decompress(gzip)).isEqualTo(gunzip(gzip));
        assertThat(gzip).as("the piece is in the stream as it was deflated").containsSequence(piece.deflated());
        assertThat(piece.deflated().length).isLessThan(sessions.length / 8);
    }

    @Test
    void data_larger_than_the_buffers_and_data_that_does_not_compress_come_back_too() {
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
}
