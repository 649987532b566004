using System.Data;
using System.Data.Common;

namespace Rig.Store.Schema;

/// <summary>Typed command parameters for both stores (PostgreSQL needs a type even for a NULL).</summary>
internal static class Parameters
{
    public static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = value switch
        {
            int => DbType.Int32,
            long => DbType.Int64,
            double => DbType.Double,
            _ => DbType.String,
        };
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>A nullable number, typed even when null.</summary>
    public static void Add(DbCommand cmd, string name, double? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = DbType.Double;
        p.Value = value is { } v ? v : DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>A nullable integer, typed even when null.</summary>
    public static void Add(DbCommand cmd, string name, int? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = DbType.Int32;
        p.Value = value is { } v ? v : DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
