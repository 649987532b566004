using System.IO.Ports;

namespace Rig.Hardware.Serial;

/// <summary>Opens a serial port 8N1 without handshake, with failures that say what is wrong with the port.</summary>
internal static class PortOpening
{
    /// <summary>The failure for a port whose device node is not there.</summary>
    public static IOException Missing(string portName) =>
        new($"serial port {portName} does not exist (is the board plugged in? `ls /dev/ttyACM* /dev/ttyUSB*` lists the serial ports)");

    public static SerialPort Open(string portName, int baud, TimeSpan writeTimeout)
    {
        // System.IO.Ports reports a missing device as "Access to the port is denied": check first.
        if (!File.Exists(portName)) throw Missing(portName);
        var port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadBufferSize = 65536,
            WriteBufferSize = 65536,
            WriteTimeout = (int)Math.Clamp(writeTimeout.TotalMilliseconds, 1, int.MaxValue),
            ReadTimeout = 100,
        };
        try
        {
            port.Open();
            return port;
        }
        catch (UnauthorizedAccessException e)
        {
            port.Dispose();
            throw new IOException($"cannot open serial port {portName}: access denied (another program has it open, or your user may not use it: add it to the dialout group)", e);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"cannot open serial port {portName} at {baud} baud (is it a serial device?): {e.Message}", e);
        }
    }
}
