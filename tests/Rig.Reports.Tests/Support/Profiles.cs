using Rig.Core.Profiles;

namespace Rig.Reports.Tests.Support;

/// <summary>The real py32f003 profile from the checkout, so budgets and gate limits are the shipped ones.</summary>
public static class Profiles
{
    public static BoardProfile Py32 => ProfileCatalog.Load("py32f003");
}
