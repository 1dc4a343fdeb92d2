// `npm run bench`. Builds the API and runs it as production does against a throwaway database and
// a local JWKS, seeds 1,000 users × 20 tasks, loads nine scenarios with wrk at 64 connections (the
// last beside one user with 500,000 tasks listing at full speed), measures the ceilings in the
// same run, then the live events' fan-out (1,000 open streams, 200 creates a second), prints the
// table and writes bench/results/latest.json. Everything it starts is stopped, and the database
// dropped, at the end (also on failure and Ctrl-C). Env: BENCH_DURATION (s, default 15),
// BENCH_WARMUP (s, default 3), BENCH_DATABASE_URL (server to create the database on), BENCH_ONLY
// (e.g. "list,rejected,fanout").
import { buildApi, cpuSeconds, peakMemory, startApi } from "./lib/api-process.ts";
import { bareHttpCeiling, CEILING_TITLE, SQL_CEILINGS, sqlCeiling } from "./lib/ceilings.ts";
import { cleanUpOnSignals, runCleanups } from "./lib/cleanup.ts";
import { loadConfig, WRK_SCENARIOS, type WrkScenario } from "./lib/config.ts";
import {
  createDatabase,
  deleteRowsTitled,
  redact,
  seedHeavyUser,
  seedSearcher,
  seedTasks,
  serverVersion,
  userId,
} from "./lib/database.ts";
import { runFanout } from "./lib/fanout.ts";
import { serveJwks } from "./lib/jwks.ts";
import { runLoad } from "./lib/load.ts";
import {
  BAR,
  type Ceiling,
  checkBar,
  type FanoutResult,
  loadAverage,
  machine,
  printTable,
  type Report,
  type ScenarioResult,
  writeJson,
} from "./lib/report.ts";
import { checkOnce, planHeavyUser, planScenario } from "./lib/scenarios.ts";
import { ensureTools } from "./lib/tools.ts";

const log = (message: string) => console.log(`[bench] ${message}`);

async function main(): Promise<boolean> {
  const config = loadConfig();
  const loadBefore = loadAverage();
  if (loadBefore > 0.5)
    log(`warning: load average ${loadBefore}: other work will skew the figures`);
  const settings = config;
  const tools = ensureTools();

  log("building the API (npm run build -w @taskline/api)…");
  await buildApi();
  const db = await createDatabase(config.adminUrl);
  log(`database ${db.name} on ${redact(config.adminUrl)}`);
  const identity = await serveJwks();
  const api = await startApi({
    DATABASE_URL: db.url,
    AUTH_JWKS_URL: identity.jwksUrl,
    AUTH_ISSUER: identity.issuer,
    AUTH_AUDIENCE: identity.audience,
    JWT_MODE: "jwks",
  });
  log(`API (pid ${api.pid}) ready at ${api.baseUrl}`);

  log(`seeding ${config.users} users × ${config.tasksPerUser} tasks and minting their tokens…`);
  const taskIds = await seedTasks(db, config.users, config.tasksPerUser);
  // Twelve wrk and pgbench runs and the fan-out, each a warm-up and a measured run.
  const runSeconds = 13 * (config.durationSeconds + config.warmupSeconds);
  // Two more users than the ordinary ones: the noisy neighbour, bench-user-(users + 1), and the
  // searcher with 10,000 tasks, bench-user-(users + 2).
  const minted = await identity.sign(config.users + 2, Math.max(900, runSeconds + 600));
  const tokens = {
    valid: minted.valid.slice(0, config.users),
    badSignature: minted.badSignature.slice(0, config.users),
    searcher: minted.valid[config.users + 1] ?? "",
  };
  const heavyToken = minted.valid[config.users] ?? "";
  if (config.scenarios.includes("search-10k")) {
    log(`seeding one user with ${config.searcherTasks.toLocaleString("en")} tasks to search…`);
    await seedSearcher(db, userId(config.users + 1), config.searcherTasks);
  }
  const wrkScenarios = WRK_SCENARIOS.filter((s) => config.scenarios.includes(s));
  const plans = new Map(
    wrkScenarios.map((s) => [s, planScenario(s, api.baseUrl, tokens, taskIds)] as const),
  );
  for (const plan of plans.values()) await checkOnce(plan);

  const needed = new Set(wrkScenarios.map((s) => BAR[s].ceiling));
  const ceilings: Report["ceilings"] = {};
  const scenarios: Report["scenarios"] = {};
  let fanout: FanoutResult | undefined;
  const measureCeiling = async (name: Ceiling) => {
    if (!needed.has(name)) return;
    log(`ceiling: ${name}…`);
    ceilings[name] =
      name === "bare HTTP"
        ? await bareHttpCeiling(planScenario("list", "", tokens, taskIds), settings)
        : await sqlCeiling(SQL_CEILINGS[name], db.url, config.users, settings);
  };
  /** The API's CPU time over a measured run, per request. */
  const apiCpu = () => {
    let start = 0;
    let end = 0;
    return {
      hooks: {
        beforeMeasured: () => {
          start = cpuSeconds(api.pid);
        },
        afterMeasured: () => {
          end = cpuSeconds(api.pid);
        },
      },
      perRequest: (requests: number) => Math.round(((end - start) * 1e6) / Math.max(1, requests)),
    };
  };
  const measureScenario = async (name: WrkScenario) => {
    const plan = plans.get(name);
    if (!plan) return;
    log(`${name}: ${config.connections} connections, ${config.durationSeconds} s…`);
    const cpu = apiCpu();
    const m = await runLoad(plan, settings, cpu.hooks);
    const api_peak_mb = Math.max(...peakMemory(api.pid).map((p) => p.mb));
    scenarios[name] = {
      ...m,
      api_peak_mb,
      api_cpu_us: cpu.perRequest(m.requests),
      ceiling: BAR[name].ceiling,
      ratio: Number.NaN,
    };
  };
  const measureNoisyNeighbour = async () => {
    const plan = plans.get("noisy");
    if (!plan) return;
    log(`noisy: seeding one user with ${config.heavyUserTasks.toLocaleString("en")} tasks…`);
    await seedHeavyUser(db, userId(config.users), config.heavyUserTasks);
    const heavy = planHeavyUser(api.baseUrl, heavyToken);
    await checkOnce(heavy);
    log(
      `noisy: ${config.connections} connections of ordinary users beside ` +
        `${config.heavyUserConnections} of the heavy one, ${config.durationSeconds} s…`,
    );
    const cpu = apiCpu();
    const [m, heavyLoad] = await Promise.all([
      runLoad(plan, settings, cpu.hooks),
      runLoad(heavy, { ...settings, connections: config.heavyUserConnections }),
    ]);
    log(`noisy: the heavy user's own lists: ${heavyLoad.rps} req/s, p99 ${heavyLoad.p99_ms} ms`);
    const api_peak_mb = Math.max(...peakMemory(api.pid).map((p) => p.mb));
    scenarios.noisy = {
      ...m,
      api_peak_mb,
      // The heavy user's requests cost the API too: CPU per ordinary request overstates.
      api_cpu_us: cpu.perRequest(m.requests),
      ceiling: BAR.noisy.ceiling,
      ratio: Number.NaN,
    };
  };

  const measureFanout = async () => {
    if (!config.scenarios.includes("fanout")) return;
    const { fanoutWritesPerSecond: perSecond, durationSeconds } = config;
    log(`fanout: ${tokens.valid.length} streams, ${perSecond} creates/s, ${durationSeconds} s…`);
    const cpu = apiCpu();
    const m = await runFanout(
      { ...settings, baseUrl: api.baseUrl, tokens: tokens.valid, writesPerSecond: perSecond },
      cpu.hooks,
    );
    fanout = {
      ...m,
      writes_per_s: perSecond,
      api_peak_mb: Math.max(...peakMemory(api.pid).map((p) => p.mb)),
      api_cpu_us: cpu.perRequest(m.writes),
    };
  };

  // Read-only and in-place work first, on the table as seeded; inserts last.
  await measureCeiling("bare HTTP");
  await measureCeiling("list SQL");
  await measureScenario("list");
  await measureScenario("toggle");
  await measureScenario("rejected");
  await measureScenario("filtered");
  await measureScenario("due");
  await measureScenario("search");
  await measureScenario("search-10k");
  await measureCeiling("insert SQL");
  if (ceilings["insert SQL"]) await deleteRowsTitled(db, CEILING_TITLE);
  await measureScenario("create");
  await measureNoisyNeighbour();
  // Last: its 1,000 streams' memory would otherwise show in every later scenario's peak.
  await measureFanout();

  // Ratios once every ceiling is known (the insert ceiling runs after toggle).
  for (const result of Object.values(scenarios)) {
    const ceilingRps = ceilings[result.ceiling]?.rps ?? Number.NaN;
    result.ratio = Math.round((result.rps / ceilingRps) * 100) / 100;
  }
  const report: Report = {
    machine: machine({
      postgres: await serverVersion(db),
      wrk: tools.wrk,
      pgbench: tools.pgbench,
      load_before_run: loadBefore,
    }),
    settings: {
      connections: config.connections,
      duration_s: config.durationSeconds,
      warmup_s: config.warmupSeconds,
      users: config.users,
      tasks_per_user: config.tasksPerUser,
      load_tool: "wrk -t1 (Lua: token rotation, exact-status check)",
      sql_ceiling_tool: "pgbench --jobs=1 --protocol=prepared",
    },
    ceilings,
    scenarios: scenarios as Record<WrkScenario, ScenarioResult>,
    ...(fanout ? { fanout } : {}),
    api_memory: peakMemory(api.pid),
    bar: checkBar(scenarios, fanout),
  };
  printTable(report);
  log(`written to ${writeJson(report)}`);
  return report.bar.met;
}

cleanUpOnSignals();
try {
  const met = await main();
  process.exitCode = met ? 0 : 1;
} catch (error) {
  console.error(`[bench] failed: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await runCleanups();
}
