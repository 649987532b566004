namespace Rig.Store.Schema;

/// <summary>
/// The history schema, one step per version, written once for both stores (the dialect fills in type names and JSON
/// paths). A store at version N gets steps N+1.. in one transaction; a store above <see cref="Current"/> is refused.
/// </summary>
internal static class SchemaSteps
{
    /// <summary>Version 4: the model mismatches of every run, next to its feature mismatches.</summary>
    public const int Current = 4;

    public static string Step(int version, ISchemaDialect d) => version switch
    {
        1 => Tables(d),
        2 => NotMeasuredAsNull(d),
        3 => HostAndBoard(d),
        4 => ModelMismatches(d),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "no such schema version"),
    };

    private static string Tables(ISchemaDialect d) => $"""
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY,
            profile TEXT NOT NULL,
            mode TEXT NOT NULL,
            board TEXT NOT NULL,
            playlist TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            started_at TEXT NOT NULL,
            planned_clips INTEGER NOT NULL,
            finished_at TEXT,
            complete INTEGER NOT NULL DEFAULT 0,
            accuracy {d.Real},
            feature_mismatches BIGINT,
            cycle_unit TEXT,
            frontend_cycles_median {d.Real},
            model_cycles_median {d.Real},
            energy_uj {d.Real},
            ram_bytes INTEGER,
            flash_bytes INTEGER,
            clip_count INTEGER,
            run_dir TEXT,
            run_json TEXT
        );
        CREATE INDEX IF NOT EXISTS runs_profile ON runs(profile, started_at);
        CREATE TABLE IF NOT EXISTS clips (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            clip_index INTEGER NOT NULL,
            name TEXT NOT NULL,
            label TEXT NOT NULL,
            predicted TEXT NOT NULL,
            mismatching_values BIGINT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (run_id, clip_index)
        );
        CREATE TABLE IF NOT EXISTS clip_samples (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            clip_index INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (run_id, clip_index)
        );
        """;

    /// <summary>
    /// Version 1 stored 0 for figures nobody measured: the cycle medians of a run without cycle counts (an empty
    /// distribution) and RAM/flash of 0 bytes (no image has none). They become NULL, as RunMetrics has them.
    /// </summary>
    private static string NotMeasuredAsNull(ISchemaDialect d) => $"""
        UPDATE runs SET frontend_cycles_median = NULL
            WHERE frontend_cycles_median = 0 AND COALESCE({d.JsonNumber("cycles", "frontendPerColumn", "count")}, 0) = 0;
        UPDATE runs SET model_cycles_median = NULL
            WHERE model_cycles_median = 0 AND COALESCE({d.JsonNumber("cycles", "modelPerInference", "count")}, 0) = 0;
        UPDATE runs SET ram_bytes = NULL WHERE ram_bytes = 0;
        UPDATE runs SET flash_bytes = NULL WHERE flash_bytes = 0;
        """;

    /// <summary>
    /// Version 3 (the farm): which host ran it and the board's own ID (HELLO's, when it reports one), so history can be
    /// cut per host and per physical board; and the clocks of the cycle and energy figures as columns, so `rig history`
    /// reads no run.json. Runs stored before keep host NULL (unknown); their clocks come from their run.json.
    /// </summary>
    private static string HostAndBoard(ISchemaDialect d) => $"""
        ALTER TABLE runs ADD COLUMN host TEXT;
        ALTER TABLE runs ADD COLUMN board_uid TEXT;
        ALTER TABLE runs ADD COLUMN cycle_clock TEXT;
        ALTER TABLE runs ADD COLUMN energy_clock TEXT;
        UPDATE runs SET cycle_clock = {d.JsonText("cycles", "clock")},
                        energy_clock = COALESCE({d.JsonText("power", "clock")}, {d.JsonText("cycles", "clock")})
            WHERE run_json IS NOT NULL;
        CREATE INDEX IF NOT EXISTS runs_board ON runs(profile, host, board, board_uid, started_at);
        """;

    /// <summary>
    /// Version 4: runs.model_mismatches, the model output values where board and golden twin disagree (run.json
    /// modelMismatches), what the gate compares next to feature_mismatches. Runs stored before take theirs from their
    /// run.json; one without the key (from before the model diff) had none to count: 0.
    /// </summary>
    private static string ModelMismatches(ISchemaDialect d) => $"""
        ALTER TABLE runs ADD COLUMN model_mismatches BIGINT;
        UPDATE runs SET model_mismatches = CAST(COALESCE({d.JsonNumber("modelMismatches")}, 0) AS BIGINT)
            WHERE run_json IS NOT NULL;
        """;
}
