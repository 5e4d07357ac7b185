package io.eventfold.projection.dashboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) at the fastest level, compressed from and into direct buffers. Given byte arrays, zlib works
 * inside a JNI critical region, and while one is open G1 on JDK 17 cannot collect: a thread that needs a large
 * allocation meanwhile retries twice, then fails with OutOfMemoryError whatever the heap holds. A large rebuild
 * hit that ("Retried waiting for GCLocker too often allocating 393237 words", a Kafka fetch buffer). Direct
 * buffers live outside the heap and need no such region. One instance per thread.
 */
final class Gzip {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;
    private static final ThreadLocal<Gzip> PER_THREAD = ThreadLocal.withInitial(Gzip::new);

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private ByteBuffer input = ByteBuffer.allocateDirect(64 * 1024);
    private ByteBuffer output = ByteBuffer.allocateDirect(64 * 1024);

    private Gzip() {
    }

    static byte[] compress(byte[] data) {
        return PER_THREAD.get().gzip(data);
    }

    private byte[] gzip(byte[] data) {
        input = atLeast(input, data.length);
        input.clear();
        input.put(data).flip();
        crc.reset();
        crc.update(input.duplicate());
        deflater.reset();
        deflater.setInput(input);
        deflater.finish();
        // zlib's bound for stored blocks: what it writes even for data that does not compress.
        output = atLeast(output, data.length + data.length / 1000 + 64);
        output.clear();
        while (!deflater.finished()) {
            if (!output.hasRemaining()) {
                output = grown(output);
            }
            deflater.deflate(output);
        }
        output.flip();
        var gzip = ByteBuffer.allocate(HEADER.length + output.remaining() + TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        gzip.put(HEADER).put(output).putInt((int) crc.getValue()).putInt(data.length);
        return gzip.array();
    }

    private static ByteBuffer atLeast(ByteBuffer buffer, int capacity) {
        return buffer.capacity() >= capacity ? buffer
                : ByteBuffer.allocateDirect(Math.max(capacity, 2 * buffer.capacity()));
    }

    private static ByteBuffer grown(ByteBuffer full) {
        full.flip();
        return ByteBuffer.allocateDirect(2 * full.capacity()).put(full);
    }
}
