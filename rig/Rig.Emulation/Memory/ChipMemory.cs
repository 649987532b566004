using Rig.Core.Profiles;

namespace Rig.Emulation.Memory;

/// <summary>Builds a chip's <see cref="MemoryMap"/> from its profile's <c>emulation:</c> regions.</summary>
public static class ChipMemory
{
    public static MemoryMap Build(EmulationSection section)
    {
        var map = new MemoryMap();
        var backing = new Dictionary<string, MemoryRegion>();
        foreach (var r in section.Regions.Where(r => r.Kind is "flash" or "sram"))
            backing[r.Name] = map.AddMemory(r.Name, r.Start, r.Size, writable: r.Kind == "sram", r.WaitStates);
        foreach (var r in section.Regions)
        {
            if (r.Kind == "alias")
            {
                var target = backing[r.Of!];
                map.AddMemory(r.Name, r.Start, r.Size, target.Writable, r.WaitStates, target.Backing);
            }
            else if (r.Kind == "peripherals")
                map.AddUnmodelledWindow(r.Name, r.Start, r.Size);
        }
        return map;
    }
}
