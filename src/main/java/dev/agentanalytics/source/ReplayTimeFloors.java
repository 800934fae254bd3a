package dev.agentanalytics.source;

import dev.agentanalytics.config.JobConfig.RecordSettings;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.EarliestEventTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.io.compression.InflaterInputStreamFactory;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.core.fs.Path;

/**
 * For a replay in STREAMING mode: at each place of the input, the earliest {@code EventTimestamp} of the valid
 * records from there to the end, so that the watermark never passes a record still to be read and none is late,
 * whatever order the input is in (docs/analytics.md §3.6). Found by reading the whole input once before the job
 * starts, without parsing it.
 *
 * <p>A place is a block of {@link #BLOCK_LINES} lines of one file: the floor of a line is that of its block, which
 * also counts the block's lines already read, so the watermark is held back by at most a block, and the floors take
 * one number per block. Files in event-time order, as a stream's Firehose objects are, give floors that rise with
 * the lines: event time moves as it did in the stream. Records out of order hold the watermark back until they are
 * read, and the events behind them wait in the agents' states.
 */
public final class ReplayTimeFloors implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int BLOCK_LINES = 1024;
    /** No valid record from there on. */
    static final long NONE = Long.MAX_VALUE;
    /** Not known: a file whose rest could not be read, and every place before it. */
    static final long UNKNOWN = Long.MIN_VALUE;

    /** [file][block]: the earliest timestamp of the valid records from the block's first line to the input's end. */
    private final long[][] floors;
    /** The files whose rest, after their last block here, could not be read. */
    private final boolean[] unreadRest;

    ReplayTimeFloors(long[][] blockMinima, boolean[] unreadRest) {
        this.unreadRest = unreadRest;
        floors = new long[blockMinima.length][];
        long after = NONE;
        for (int file = blockMinima.length - 1; file >= 0; file--) {
            if (unreadRest[file]) after = UNKNOWN;
            floors[file] = new long[blockMinima[file].length];
            for (int block = floors[file].length - 1; block >= 0; block--) {
                after = Math.min(after, blockMinima[file][block]);
                floors[file][block] = after;
            }
        }
    }

    /**
     * Reads every file (in parallel), numbering lines as the replay's reader does, and takes from each line a bound
     * that is never later than its record's time when the record is valid ({@link EarliestEventTime}).
     */
    public static ReplayTimeFloors scan(List<Path> files, RecordSettings settings) {
        BlockMinima[] scanned = IntStream.range(0, files.size()).parallel()
                .mapToObj(file -> blockMinima(files.get(file), settings))
                .toArray(BlockMinima[]::new);
        long[][] minima = new long[scanned.length][];
        boolean[] unreadRest = new boolean[scanned.length];
        for (int file = 0; file < scanned.length; file++) {
            minima[file] = scanned[file].minima;
            unreadRest[file] = scanned[file].unreadRest;
        }
        return new ReplayTimeFloors(minima, unreadRest);
    }

    /**
     * The earliest timestamp of the valid records from line {@code line} (from 1) of file {@code file} to the end of
     * the input, {@link #NONE} or {@link #UNKNOWN}.
     */
    public long at(int file, long line) {
        for (int f = file; f < floors.length; f++) {
            long block = f == file ? (line - 1) / BLOCK_LINES : 0;
            if (block < floors[f].length) return floors[f][(int) block];
            if (unreadRest[f]) return UNKNOWN;
        }
        return NONE;
    }

    /** The floor after a record that arrived as {@code arrival} ({@link Arrival#ofLine}). */
    public long after(byte[] arrival) {
        return at(Arrival.fileOf(arrival), Arrival.lineOf(arrival));
    }

    private static BlockMinima blockMinima(Path file, RecordSettings settings) {
        BlockMinima minima = new BlockMinima(new EarliestEventTime(new AgentEventParser(settings)));
        InputStream raw;
        try {
            raw = file.getFileSystem().open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file + " to find its event times", e);
        }
        // As the file source reads it: a .gz (or other compressed) file decompressed.
        InflaterInputStreamFactory<?> decompressor = StandardDeCompressors.getDecompressorForFileName(file.getPath());
        try (InputStream in = raw; InputStream lines = decompressor == null ? in : decompressor.create(in)) {
            new Lines(lines, settings.maxRecordBytes).forEach(minima);
        } catch (IOException e) {
            // Cut off (a gzip member), not what its name says, or a read that may work for the reader later: what
            // the rest holds is not known, so no watermark passes it until a reader is done with this file.
            minima.unreadRest = true;
        }
        return minima;
    }

    /** The earliest time per block of lines, of the records that can be valid. */
    private static final class BlockMinima implements Lines.Consumer {
        private final EarliestEventTime times;
        private long[] minima = new long[0];
        private boolean unreadRest;

        BlockMinima(EarliestEventTime times) {
            this.times = times;
        }

        @Override
        public void line(long number, byte[] bytes, int from, int to, boolean unicodeEscape) {
            long time = times.of(bytes, from, to, unicodeEscape);
            if (time == EarliestEventTime.NONE) return;
            int block = (int) ((number - 1) / BLOCK_LINES);
            if (block >= minima.length) {
                int length = minima.length;
                minima = Arrays.copyOf(minima, block + 1);
                Arrays.fill(minima, length, minima.length, NONE);
            }
            minima[block] = Math.min(minima[block], time);
        }
    }
}
