package dev.opsh.transcript;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a file as exact bytes, split at {@code \n} only, each with whether a newline
 * ended it. A file that ends with a newline has no empty last line.
 */
final class RawLines implements Closeable {
    /** One line: its 1-based number, its bytes (the first {@code length}), and whether a newline ended it. */
    record RawLine(int number, byte[] bytes, int length, boolean terminated) {}

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[8192];
    private int number;

    RawLines(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** The next line, or null at the end of the file. Its byte array is reused by the next call. */
    RawLine next() throws IOException {
        int length = 0;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    return length == 0 ? null : new RawLine(++number, line, length, false);
                }
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? chunkEnd : newline;
            int count = end - chunkPos;
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(chunk, chunkPos, line, length, count);
            length += count;
            chunkPos = end;
            if (newline >= 0) {
                chunkPos++;
                return new RawLine(++number, line, length, true);
            }
        }
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
