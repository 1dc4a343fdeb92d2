import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { Logger } from "./logger.ts";

/** Every limit counts requests in fixed windows of a minute. */
export const WINDOW_SECONDS = 60;

export const DEFAULT_KEY_PREFIX = "taskline:rate-limit";

/** A quota policy, named as in the RateLimit-Policy header. */
export type Policy = { name: "requests" | "writes"; quota: number };

/** One policy after counting this request: what is left of it and when its window ends. */
export type PolicyState = {
  policy: Policy;
  remaining: number;
  /** Seconds until the window ends (at least 1). */
  resetSeconds: number;
  exceeded: boolean;
};

/** Per-user request counters, created once per process and shared by every request. */
export type RateLimits = {
  /** Counts one request of this user (and one write, for a write); [] when every limit is off. */
  consume(userId: string, write: boolean): Promise<PolicyState[]>;
  close(): Promise<void>;
};

export type RateLimitOptions = {
  requestsPerMinute: number;
  writesPerMinute: number;
  /** Counters in this Redis, shared by every replica; unset: in this process only. */
  redisUrl?: string | undefined;
  /** Prefix of the Redis keys (tests give each run its own). */
  keyPrefix?: string | undefined;
  logger: Logger;
};

/** A Redis command slower than this is answered by the in-process counters instead. */
const REDIS_COMMAND_TIMEOUT_MS = 250;

type Limiter = { policy: Policy; limiter: RateLimiterAbstract; writesOnly: boolean };

/**
 * The limits of RATE_LIMIT_REQUESTS_PER_MINUTE (every task request) and
 * RATE_LIMIT_WRITES_PER_MINUTE (POST, PUT, PATCH, DELETE), per user. With Redis, every replica
 * counts in the same keys; while Redis is unreachable each process counts on its own (the
 * insurance limiter), so an outage loosens the limits instead of failing requests.
 */
export async function createRateLimits(options: RateLimitOptions): Promise<RateLimits> {
  const policies: Policy[] = [
    { name: "requests", quota: options.requestsPerMinute },
    { name: "writes", quota: options.writesPerMinute },
  ];
  const active = policies.filter((policy) => policy.quota > 0);
  const redis =
    options.redisUrl !== undefined && active.length > 0
      ? await connectRedis(options.redisUrl, options.logger)
      : undefined;
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const limiters: Limiter[] = active.map((policy) => ({
    policy,
    limiter: newLimiter(policy, `${prefix}:${policy.name}`, redis),
    writesOnly: policy.name === "writes",
  }));

  return {
    consume(userId, write) {
      const counted = write ? limiters : limiters.filter((entry) => !entry.writesOnly);
      return Promise.all(counted.map((entry) => count(entry, userId)));
    },
    async close() {
      if (redis === undefined) return;
      // quit() waits for a reply that an unreachable server never sends.
      if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}

function newLimiter(policy: Policy, keyPrefix: string, redis: Redis | undefined) {
  const options = { points: policy.quota, duration: WINDOW_SECONDS, keyPrefix };
  const memory = new RateLimiterMemory(options);
  if (redis === undefined) return memory;
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    insuranceLimiter: memory,
    // Not connected: straight to the insurance limiter, without waiting on Redis.
    rejectIfRedisNotReady: true,
    // A user over the limit is refused from memory until the window ends, sparing Redis.
    inMemoryBlockOnConsumed: policy.quota + 1,
  });
}

async function count({ policy, limiter }: Limiter, userId: string): Promise<PolicyState> {
  try {
    return stateOf(policy, await limiter.consume(userId), false);
  } catch (outcome) {
    // The library rejects with the counter's state when the limit is exceeded.
    if (outcome instanceof RateLimiterRes) return stateOf(policy, outcome, true);
    throw outcome;
  }
}

function stateOf(policy: Policy, res: RateLimiterRes, exceeded: boolean): PolicyState {
  return {
    policy,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    exceeded,
  };
}

/**
 * A client that never queues: while disconnected, commands fail at once and the insurance
 * limiter answers. It reconnects in the background; the outage and the recovery are logged once.
 */
async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  // Loaded only with REDIS_URL: a chunk of its own in the build, as the PGlite driver is.
  const { Redis } = await import("ioredis");
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 1_000,
  });
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(
      { reason: error.message },
      "rate limits: Redis unreachable, counting in this process until it is back",
    );
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    logger.info("rate limits: Redis is back, counting there again");
  });
  await client.connect().catch(() => {
    // Already logged by the error handler; the client keeps trying.
  });
  return client;
}
