using System.Globalization;

namespace Rig.TestSupport;

/// <summary>
/// A PostgreSQL server for the store's tests: the one RIG_TEST_POSTGRES names (a postgres:// URL of a user allowed to
/// create databases), else a throw-away cluster in a temp folder, made with initdb and run with pg_ctl from Debian's
/// postgresql package, listening only on a unix socket in that folder (as nobody when the tests run as root, since
/// initdb refuses root), stopped and deleted on Dispose. Each test takes a fresh database (<see cref="CreateDatabase"/>).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string EnvironmentVariable = "RIG_TEST_POSTGRES";
    public const string Package = "postgresql";
    /// <summary>A login that must give its password (scram-sha-256), for the bad-credentials tests (own clusters only).</summary>
    public const string PasswordUser = "farm";
    public const string Password = "farm-secret";
    private const string Superuser = "rig";
    private const int Port = 5432;

    private readonly TempDir? _dir;
    private readonly string? _external;
    private readonly string _bin;
    private int _databases;

    private PostgresServer(string bin, string? external, TempDir? dir)
    {
        _bin = bin;
        _external = external;
        _dir = dir;
    }

    /// <summary>Whether this is a cluster of our own (it can be stopped and restarted).</summary>
    public bool Own => _dir is not null;

    /// <summary>The server RIG_TEST_POSTGRES names, else a cluster of our own.</summary>
    public static PostgresServer Start() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } url ? new PostgresServer(BinDir(), url, null) : StartOwn();

    /// <summary>A throw-away cluster, whatever RIG_TEST_POSTGRES says (for tests that stop the server).</summary>
    public static PostgresServer StartOwn()
    {
        var bin = BinDir();
        var dir = new TempDir();
        try
        {
            // initdb refuses root; the cluster then belongs to nobody, who needs to write in the folder.
            Directory.CreateDirectory(dir.Sub("sock"));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1FF);
                File.SetUnixFileMode(dir.Sub("sock"), (UnixFileMode)0x1FF);
            }
            var server = new PostgresServer(bin, null, dir);
            server.AsOwner(Path.Combine(bin, "initdb"), "-D", dir.Sub("data"), "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-sync");
            File.AppendAllText(Path.Combine(dir.Sub("data"), "postgresql.conf"),
                $"\nlisten_addresses = ''\nport = {Port}\nunix_socket_directories = '{dir.Sub("sock")}'\nfsync = off\n");
            File.WriteAllText(Path.Combine(dir.Sub("data"), "pg_hba.conf"), $"local all {PasswordUser} scram-sha-256\nlocal all all trust\n");
            server.StartServer();
            server.Sql("postgres", $"CREATE ROLE {PasswordUser} LOGIN PASSWORD '{Password}'");
            return server;
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>A new empty database; returns its URL (a socket folder is percent-encoded as the host, as libpq does).</summary>
    public string CreateDatabase(string? owner = null)
    {
        var name = $"rig_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        Sql(null, $"CREATE DATABASE {name}" + (owner is null ? "" : $" OWNER {owner}"));
        return Url(name);
    }

    /// <summary>The URL of <paramref name="database"/> on this server, as <paramref name="user"/> (default: the tests' superuser).</summary>
    public string Url(string database, string? user = null, string? password = null)
    {
        if (_external is not null)
        {
            var slash = _external.LastIndexOf('/');
            return _external[..(slash + 1)] + database;
        }
        var credentials = (user ?? Superuser) + (password is null ? "" : ":" + Uri.EscapeDataString(password));
        return $"postgres://{credentials}@{Uri.EscapeDataString(_dir!.Sub("sock"))}:{Port}/{database}";
    }

    /// <summary>Runs one SQL statement with psql on <paramref name="database"/> (null: the server's maintenance database).</summary>
    public string Sql(string? database, string sql)
    {
        var target = _external is not null ? (database is null ? _external : Url(database)) : $"postgresql://{Superuser}@/{database ?? "postgres"}?host={_dir!.Sub("sock")}&port={Port}";
        var r = Tool.Run(Path.Combine(_bin, "psql"), ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", target, "-c", sql], timeoutSeconds: 60);
        if (r.ExitCode != 0) throw new InvalidOperationException($"psql: {sql}: {r.Output}");
        return r.Stdout.Trim();
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, as when a server is restarted).</summary>
    public void Stop()
    {
        if (!Own) throw new InvalidOperationException("cannot stop a server the tests did not start (RIG_TEST_POSTGRES)");
        AsOwner(Path.Combine(_bin, "pg_ctl"), "-D", _dir!.Sub("data"), "-m", "fast", "-w", "-t", "60", "stop");
    }

    public void StartServer()
    {
        if (!Own) throw new InvalidOperationException("cannot start a server the tests did not make (RIG_TEST_POSTGRES)");
        AsOwner(Path.Combine(_bin, "pg_ctl"), "-D", _dir!.Sub("data"), "-l", _dir.Sub("server.log"), "-w", "-t", "60", "start");
    }

    public void Dispose()
    {
        if (_dir is null) return;
        try
        {
            AsOwner(Path.Combine(_bin, "pg_ctl"), "-D", _dir.Sub("data"), "-m", "immediate", "-w", "-t", "60", "stop");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        _dir.Dispose();
    }

    /// <summary>Runs a cluster program as the cluster's owner: nobody when we are root (runuser, an argument list, no shell), else ourselves.</summary>
    private void AsOwner(string program, params string[] args)
    {
        var r = IsRoot() ? Tool.Run("runuser", ["-u", "nobody", "--", program, .. args], _dir?.Path, 120) : Tool.Run(program, args, _dir?.Path, 120);
        if (r.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} exited {r.ExitCode}: {r.Output}");
    }

    private static bool IsRoot() => Tool.Run("id", ["-u"]).Stdout.Trim() == "0";

    /// <summary>The newest /usr/lib/postgresql/&lt;version&gt;/bin; its absence is the prerequisite message of the build's check.</summary>
    private static string BinDir()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException($"missing prerequisite: install {Package} (sudo bash .ci/run installs everything)");
    }
}
