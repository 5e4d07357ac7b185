package io.eventfold.command.axon;

/**
 * An aggregate that can say roughly how much memory it holds, so that the cache of aggregates is bounded in bytes:
 * one conference with 100,000 registrations weighs as much as thousands of small ones.
 */
public interface Weighed {

    long approximateBytes();
}
