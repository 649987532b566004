namespace Rig.Hardware.Ina219;

/// <summary>An INA219 problem, always naming the board and where the chip sits (bus and address).</summary>
public class Ina219Exception(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The chip's math overflow flag (OVF) was set or the shunt input sat at the PGA's full scale.</summary>
public sealed class Ina219OverflowException(string message) : Ina219Exception(message);
