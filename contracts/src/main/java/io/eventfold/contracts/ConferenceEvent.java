package io.eventfold.contracts;

/**
 * Everything that happened to one conference event. {@link #eventId()} is the conference's id: the
 * aggregate id, the Kafka record key and the row key of every read model.
 * Every implementation is registered in {@link EventTypes} with its wire name.
 */
public interface ConferenceEvent {

    String eventId();
}
