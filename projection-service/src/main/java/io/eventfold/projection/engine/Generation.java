package io.eventfold.projection.engine;

/**
 * One generation of a projection's tables: generation 2 of {@code dashboard} writes {@code dashboard_g2}. A
 * rebuild fills a new generation beside the live one; the query API reads views that point at the live one.
 */
public record Generation(String projection, int number) {

    public String table(String base) {
        return base + "_g" + number;
    }

    /** The name under which this generation's own read positions are stored while it is being built. */
    public String offsetsName() {
        return projection + "/g" + number;
    }

    @Override
    public String toString() {
        return projection + " generation " + number;
    }
}
