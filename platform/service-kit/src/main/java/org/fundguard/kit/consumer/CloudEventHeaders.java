package org.fundguard.kit.consumer;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads CloudEvents binary-mode headers ({@code ce_id}, {@code ce_type} …) of an incoming Kafka message. */
public final class CloudEventHeaders {

    private CloudEventHeaders() {
    }

    public static Optional<String> get(Message<?> message, String name) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(md -> md.getHeaders().lastHeader(name))
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8));
    }

    /** The event id; a message without one is poison (it could never be deduplicated). */
    public static String id(Message<?> message) {
        return get(message, "ce_id").filter(s -> !s.isBlank())
                .orElseThrow(() -> new PoisonMessageException("message without a ce_id header"));
    }

    public static String type(Message<?> message) {
        return get(message, "ce_type").orElseThrow(() -> new PoisonMessageException("message without a ce_type header"));
    }
}
