using Rig.Hardware.Ina219;

namespace Rig.Hardware.Power;

/// <summary>One sampled conversion plus the marker pin's level when it was read.</summary>
public readonly record struct PowerReading(Ina219Sample Sample, bool Marker)
{
    public long Timestamp => Sample.Timestamp;
    public double PowerWatts => Sample.PowerWatts;
}
