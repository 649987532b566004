namespace Rig.Hardware.Audio;

/// <summary>An ALSA call failed; the message names the device, the step and ALSA's own reason.</summary>
public sealed class AlsaException(string message) : IOException(message);
