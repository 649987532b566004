using Rig.Core.Seams;
using System.Device.Gpio;

namespace Rig.Hardware.Power;

/// <summary>
/// The marker pin named by the profile's power.marker_gpio, read through <see cref="GpioController"/>.
/// Edges are timestamped in the pin-change callback (tighter than the sample period).
/// </summary>
public sealed class GpioMarkerInput : IMarkerInput
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long? _rising;
    private long? _falling;

    public GpioMarkerInput(GpioController controller, int pin, TimeProvider time)
    {
        _controller = controller;
        _pin = pin;
        _time = time;
        _controller.OpenPin(pin, PinMode.Input);
        _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
    }

    public bool Read() => _controller.Read(_pin) == PinValue.High;

    public void Arm()
    {
        lock (_gate) { _rising = null; _falling = null; }
    }

    public (long Start, long Stop)? Window
    {
        get { lock (_gate) return _rising is { } r && _falling is { } f && f > r ? (r, f) : null; }
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (e.ChangeType == PinEventTypes.Rising && _rising is null) _rising = now;
            else if (e.ChangeType == PinEventTypes.Falling && _rising is not null && _falling is null) _falling = now;
        }
    }

    public void Dispose()
    {
        _controller.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _controller.ClosePin(_pin);
        _controller.Dispose();
    }
}
