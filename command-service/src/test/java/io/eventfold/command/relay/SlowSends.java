package io.eventfold.command.relay;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Makes the relay's first send of a given key wait, on the relay's own thread: the relay's transaction then
 * sits idle as while Kafka is slow. Kafka creates the instance; tests arm it through the static method.
 */
public class SlowSends implements ProducerInterceptor<String, byte[]> {

    private static final Map<String, Duration> ONCE = new ConcurrentHashMap<>();

    static void delayFirstSendOf(String key, Duration delay) {
        ONCE.put(key, delay);
    }

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        var delay = record.key() == null ? null : ONCE.remove(record.key());
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
