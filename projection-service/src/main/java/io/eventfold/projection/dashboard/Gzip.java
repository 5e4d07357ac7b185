package io.eventfold.projection.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * gzip (RFC 1952) at the fastest level, compressed from and into direct buffers. Given byte arrays, zlib works
 * inside a JNI critical region, and while one is open G1 on JDK 17 cannot collect: a thread that needs a large
 * allocation meanwhile retries twice, then fails with OutOfMemoryError whatever the heap holds (a large rebuild
 * hit that). Direct buffers live outside the heap and need no such region. One instance per thread.
 *
 * <p>A part that many documents share (a dashboard's sessions, unchanged by a registration, and
 * its event) is deflated once as a {@link Piece} and spliced into each document's stream: every part is
 * compressed without reference to the others and, except the last, ends on a sync flush (byte-aligned, not
 * final), so their concatenation is one valid deflate stream, and the shared part is compressed once.
 */
final class Gzip {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;
    private static final Piece EMPTY_PIECE = new Piece(new byte[0], new byte[0]);
    private static final ThreadLocal<Gzip> PER_THREAD = ThreadLocal.withInitial(Gzip::new);

    /** Bytes of a document, and the same deflated on their own, to sit between other parts of a stream. */
    record Piece(byte[] data, byte[] deflated) {
    }

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private ByteBuffer input = ByteBuffer.allocateDirect(64 * 1024);
    private ByteBuffer output = ByteBuffer.allocateDirect(64 * 1024);

    private Gzip() {
    }

    static byte[] compress(byte[] data) {
        return PER_THREAD.get().gzip(EMPTY_PIECE, EMPTY_PIECE, data);
    }

    /** The gzip of {@code head}'s data, then {@code middle}'s, then {@code tail}, in one stream. */
    static byte[] compress(Piece head, Piece middle, byte[] tail) {
        return PER_THREAD.get().gzip(head, middle, tail);
    }

    /**
     * For the rare read of a stored document (a dashboard this instance has not written since it started):
     * heap arrays, as {@link GZIPInputStream} takes them, are fine that seldom.
     */
    static byte[] decompress(byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Not a gzip document", e);
        }
    }

    static Piece piece(byte[] data) {
        var gzip = PER_THREAD.get();
        gzip.output.clear();
        gzip.deflate(gzip.load(data), false);
        var deflated = new byte[gzip.output.flip().remaining()];
        gzip.output.get(deflated);
        return new Piece(data, deflated);
    }

    private byte[] gzip(Piece head, Piece middle, byte[] tail) {
        crc.reset();
        // zlib's bound for stored blocks: what it writes even for data that does not compress.
        output = atLeast(output, tail.length + tail.length / 1000 + 64 + head.deflated().length
                + middle.deflated().length);
        output.clear();
        splice(head);
        splice(middle);
        crc.update(tail);
        deflate(load(tail), true);
        output.flip();
        var gzip = ByteBuffer.allocate(HEADER.length + output.remaining() + TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        long length = (long) head.data().length + middle.data().length + tail.length;
        gzip.put(HEADER).put(output).putInt((int) crc.getValue()).putInt((int) length);
        return gzip.array();
    }

    /** The piece as deflated before, into {@code output}, which has room for it. */
    private void splice(Piece piece) {
        crc.update(piece.data());
        output.put(piece.deflated());
    }

    private ByteBuffer load(byte[] data) {
        input = atLeast(input, data.length);
        input.clear();
        return input.put(data).flip();
    }

    /** Appends to {@code output}: the stream's final part, or one that ends byte-aligned for the next. */
    private void deflate(ByteBuffer part, boolean last) {
        deflater.reset();
        deflater.setInput(part);
        if (last) {
            deflater.finish();
            while (!deflater.finished()) {
                room(1);
                deflater.deflate(output);
            }
            return;
        }
        // A sync flush is complete once it leaves room in the output.
        do {
            room(1);
            deflater.deflate(output, Deflater.SYNC_FLUSH);
        } while (!output.hasRemaining());
    }

    /** Room for {@code bytes} more in {@code output}, keeping what it holds. */
    private void room(int bytes) {
        if (output.remaining() < bytes) {
            output.flip();
            output = ByteBuffer.allocateDirect(Math.max(2 * output.capacity(), output.limit() + bytes)).put(output);
        }
    }

    /** A buffer of at least {@code capacity}, its content not kept: this one, or a new one if it is smaller. */
    private static ByteBuffer atLeast(ByteBuffer buffer, int capacity) {
        return buffer.capacity() >= capacity ? buffer
                : ByteBuffer.allocateDirect(Math.max(capacity, 2 * buffer.capacity()));
    }
}
