package io.eventfold.messaging.upcast;

/** A stored event whose wire name this EventFold cannot read: not current, and no upcaster leads from it. */
public final class UnknownEventVersionException extends RuntimeException {

    public UnknownEventVersionException(String wireName, String why) {
        super("Unknown event type " + wireName + ": " + why);
    }
}
