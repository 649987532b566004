using Npgsql;
using Rig.Store.Postgres;

namespace Rig.Store.Tests.Postgres;

public sealed class PostgresAddressTests
{
    [Theory]
    [InlineData("postgres://farm:s3cret@db.lab:6543/rig", "db.lab", 6543, "farm", "s3cret", "rig", "postgres://farm@db.lab:6543/rig")]
    [InlineData("postgresql://farm@db.lab/rig", "db.lab", 5432, "farm", null, "rig", "postgres://farm@db.lab/rig")]
    [InlineData("postgres://farm@%2Ftmp%2Fpg%20sock:5433/rig", "/tmp/pg sock", 5433, "farm", null, "rig", "postgres://farm@/tmp/pg sock:5433/rig")]
    [InlineData("postgres://farm@/rig?host=/run/postgresql", "/run/postgresql", 5432, "farm", null, "rig", "postgres://farm@/run/postgresql/rig")]
    [InlineData("Host=db.lab;Database=rig;Username=farm;Password=pw", "db.lab", 5432, "farm", "pw", "rig", "postgres://farm@db.lab/rig")]
    public void Urls_and_connection_strings_name_the_same_server(string location, string host, int port, string user, string? password, string database, string display)
    {
        Assert.True(Rig.Store.StoreLocation.IsPostgres(location));
        var a = PostgresAddress.Parse(location);
        var b = new NpgsqlConnectionStringBuilder(a.ConnectionString);
        Assert.Equal((host, port, user, password, database), (b.Host, b.Port, b.Username, b.Password, b.Database));
        Assert.Equal(display, a.Display);
        Assert.Equal(5, b.Timeout);
        Assert.False(b.Pooling);
    }

    [Theory]
    [InlineData("runs/history.db")]
    [InlineData("/srv/rig/history=nightly.db")]
    public void A_file_path_is_a_sqlite_store(string location) => Assert.False(Rig.Store.StoreLocation.IsPostgres(location));

    [Theory]
    [InlineData("postgres://farm:pw@db.lab", "no /database")]
    [InlineData("postgres://farm:pw@db.lab:99999/rig", "port '99999' is not a number 1-65535")]
    [InlineData("postgres://farm:pw@db.lab/rig?colour=blue", "'colour=blue' is not a known parameter")]
    [InlineData("postgres://farm:pw@/rig", "no host")]
    public void A_malformed_url_is_refused_naming_the_part_without_the_password(string location, string why)
    {
        var e = Assert.Throws<InvalidDataException>(() => PostgresAddress.Parse(location));
        Assert.Contains(why, e.Message);
        Assert.DoesNotContain(":pw@", e.Message);
    }
}
