using Rig.Core;
using Rig.Model.Graph;

namespace Rig.Model.Tests.Support;

/// <summary>Profiles by the kind of model committed in firmware/generated/&lt;p&gt;/: the MLP (rig_model.json) or an int8 graph (rig_model_graph.json).</summary>
public static class ModelProfiles
{
    public static bool IsGraph(string profile) => GraphCosts.TryLoad(RepoPaths.Generated(profile)) is not null;

    /// <summary>One theory case per profile whose firmware runs the MLP of model.c.</summary>
    public static TheoryData<string> Mlp => new(RepoProfiles.Names.Where(p => !IsGraph(p)));
}
