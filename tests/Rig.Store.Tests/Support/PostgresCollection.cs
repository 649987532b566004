namespace Rig.Store.Tests.Support;

/// <summary>One PostgreSQL server for the store tests (RIG_TEST_POSTGRES, else a throw-away cluster); each test takes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

public sealed class PostgresFixture : IDisposable
{
    public PostgresServer Server { get; } = PostgresServer.Start();

    public void Dispose() => Server.Dispose();
}
