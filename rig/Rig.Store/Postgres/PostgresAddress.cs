using System.Globalization;
using Npgsql;

namespace Rig.Store.Postgres;

/// <summary>
/// A PostgreSQL store as the user gives it: a URL (<c>postgres://user[:password]@host[:port]/database[?host=/socket/dir&amp;sslmode=...]</c>,
/// libpq's form; a host starting with / or %2F is a unix-socket folder) or an Npgsql connection string (<c>Host=...;Database=...</c>).
/// <see cref="Display"/> names it in messages without the password. Waits are bounded: 5 s to connect, 30 s per command.
/// </summary>
public sealed record PostgresAddress(string ConnectionString, string Display)
{
    private const int ConnectSeconds = 5;
    private const int CommandSeconds = 30;

    public static bool Recognises(string location)
    {
        var s = location.Trim();
        return s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
               || (s.Contains('=', StringComparison.Ordinal) && s.Split(';').Any(p => p.Trim().StartsWith("host=", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Parses a URL or connection string; anything malformed is refused naming the part and the form expected.</summary>
    public static PostgresAddress Parse(string location)
    {
        var s = location.Trim();
        NpgsqlConnectionStringBuilder b;
        if (s.Contains("://", StringComparison.Ordinal)) b = FromUrl(s);
        else
        {
            try
            {
                b = new NpgsqlConnectionStringBuilder(s);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"store '{Redacted(s)}': not a PostgreSQL connection string ({e.Message}); expected Host=...;Database=...;Username=... or postgres://user@host/db", e);
            }
        }
        if (string.IsNullOrEmpty(b.Host)) throw new InvalidDataException($"store '{Redacted(s)}': no host; expected postgres://user@host/db");
        if (string.IsNullOrEmpty(b.Database)) throw new InvalidDataException($"store '{Redacted(s)}': no database; expected postgres://user@host/db");
        b.Timeout = ConnectSeconds;
        b.CommandTimeout = CommandSeconds;
        // A rig process opens the store a few times per run; no pool, so a connection a restarted server dropped is never reused.
        b.Pooling = false;
        var user = string.IsNullOrEmpty(b.Username) ? "" : b.Username + "@";
        var display = $"postgres://{user}{b.Host}{(b.Port == NpgsqlConnection.DefaultPort ? "" : ":" + b.Port.ToString(CultureInfo.InvariantCulture))}/{b.Database}";
        return new PostgresAddress(b.ConnectionString, display);
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var bad = (string why) => new InvalidDataException($"store '{Redacted(url)}': {why}; expected postgres://user[:password]@host[:port]/database");
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) (rest, query) = (rest[..q], rest[(q + 1)..]);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) throw bad("no /database");
        var (authority, database) = (rest[..slash], Uri.UnescapeDataString(rest[(slash + 1)..]));
        var b = new NpgsqlConnectionStringBuilder { Database = database };
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) b.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        // The port is read before unescaping: a socket folder given as the host is percent-encoded (%2Ftmp%2Fpg), so it has no ':'.
        var portAt = authority.EndsWith(']') ? -1 : authority.LastIndexOf(':');
        if (portAt >= 0)
        {
            var text = authority[(portAt + 1)..];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535) throw bad($"port '{text}' is not a number 1-65535");
            b.Port = port;
            authority = authority[..portAt];
        }
        var host = Uri.UnescapeDataString(authority.Trim('[', ']'));
        b.Host = host;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = eq < 0 ? (pair, "") : (pair[..eq], Uri.UnescapeDataString(pair[(eq + 1)..]));
            switch (key)
            {
                case "host": b.Host = value; break;
                case "port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p): b.Port = p; break;
                case "sslmode" when Enum.TryParse<SslMode>(value, ignoreCase: true, out var mode): b.SslMode = mode; break;
                case "password": b.Password = value; break;
                default: throw bad($"'{pair}' is not a known parameter (host, port, sslmode, password)");
            }
        }
        return b;
    }

    /// <summary>The location with any password masked, for messages.</summary>
    private static string Redacted(string s)
    {
        var at = s.LastIndexOf('@');
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && at > scheme)
        {
            var colon = s.IndexOf(':', scheme + 3);
            if (colon >= 0 && colon < at) return s[..(colon + 1)] + "***" + s[at..];
        }
        return string.Join(';', s.Split(';').Select(p => p.Trim().StartsWith("password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : p));
    }
}
