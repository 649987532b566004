using System.Device.Gpio;

namespace Rig.Simulation.Power;

/// <summary>
/// A GPIO chip with one input line wired to the native board's marker (its <see cref="PowerLine"/>), behind
/// System.Device.Gpio's driver seam: the rig reads it with the same <see cref="GpioController"/> and
/// GpioMarkerInput as a real pin, edges arriving as pin-change callbacks. <see cref="Disconnected"/> models a
/// wire that is not there (the line stays low).
/// </summary>
public sealed class VirtualGpioDriver : GpioDriver
{
    private readonly PowerLine _line;
    private readonly int _pin;
    private readonly object _gate = new();
    private readonly List<(PinEventTypes Types, PinChangeEventHandler Handler)> _callbacks = [];
    private PinMode _mode = PinMode.Input;

    public VirtualGpioDriver(PowerLine line, int pin)
    {
        _line = line;
        _pin = pin;
        _line.MarkerChanged += OnEdge;
    }

    /// <summary>Fault: the marker wire is cut, so the rig never sees the line rise.</summary>
    public bool Disconnected { get; init; }

    protected override int PinCount => _pin + 1;

    protected override void OpenPin(int pinNumber) => Check(pinNumber);
    protected override void ClosePin(int pinNumber) => Check(pinNumber);
    protected override void SetPinMode(int pinNumber, PinMode mode) { Check(pinNumber); _mode = mode; }
    protected override PinMode GetPinMode(int pinNumber) { Check(pinNumber); return _mode; }
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => pinNumber == _pin && mode == PinMode.Input;

    protected override PinValue Read(int pinNumber)
    {
        Check(pinNumber);
        return !Disconnected && _line.MarkerHigh ? PinValue.High : PinValue.Low;
    }

    protected override void Write(int pinNumber, PinValue value) =>
        throw new InvalidOperationException($"virtual GPIO {pinNumber} is an input wired to the board's marker pin");

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        Check(pinNumber);
        var done = new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object s, PinValueChangedEventArgs e) { if ((e.ChangeType & eventTypes) != 0) done.TrySetResult(e.ChangeType); }
        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, Handler);
        try
        {
            done.Task.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = done.Task.Result, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, Handler);
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        Check(pinNumber);
        lock (_gate) _callbacks.Add((eventTypes, callback));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate) _callbacks.RemoveAll(c => c.Handler == callback);
    }

    private void OnEdge(bool high, long stamp)
    {
        if (Disconnected) return;
        var type = high ? PinEventTypes.Rising : PinEventTypes.Falling;
        (PinEventTypes Types, PinChangeEventHandler Handler)[] targets;
        lock (_gate) targets = [.. _callbacks];
        foreach (var (types, handler) in targets)
            if ((types & type) != 0) handler(this, new PinValueChangedEventArgs(type, _pin));
    }

    private void Check(int pinNumber)
    {
        if (pinNumber != _pin) throw new ArgumentException($"virtual GPIO chip has only pin {_pin} (the board's marker), not {pinNumber}", nameof(pinNumber));
    }

    protected override void Dispose(bool disposing)
    {
        _line.MarkerChanged -= OnEdge;
        base.Dispose(disposing);
    }
}
