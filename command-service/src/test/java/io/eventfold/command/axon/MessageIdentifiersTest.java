package io.eventfold.command.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;

class MessageIdentifiersTest {

    @Test
    void axon_finds_it_and_names_messages_with_it() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(MessageIdentifiers.class);

        var id = UUID.fromString(new GenericMessage<>("payload").getIdentifier());

        assertThat(id.version()).isEqualTo(7);
    }

    @Test
    void identifiers_carry_the_time_they_were_made_in_milliseconds() {
        var identifiers = new MessageIdentifiers();
        long before = System.currentTimeMillis();

        var id = UUID.fromString(identifiers.generateIdentifier());

        long after = System.currentTimeMillis();
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void threads_drawing_at_once_never_share_an_identifier() throws Exception {
        var identifiers = new MessageIdentifiers();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        int threads = 8;
        int each = 20_000;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        seen.add(identifiers.generateIdentifier());
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(seen).hasSize(threads * each);
    }
}
