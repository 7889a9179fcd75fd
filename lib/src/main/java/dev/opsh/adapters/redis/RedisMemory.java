package dev.opsh.adapters.redis;

/**
 * The memory section of {@code INFO}, typed. Sizes are bytes.
 *
 * @param maxmemory the configured limit, 0 for none
 * @param fragmentationRatio resident memory over used memory
 */
public record RedisMemory(long usedMemory, String usedMemoryHuman, long usedMemoryRss, long usedMemoryPeak, long maxmemory,
        String maxmemoryPolicy, double fragmentationRatio) {
}
