using Rig.Emulation.Boards.Common;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Boards.Nrf52840;

/// <summary>
/// What every nRF52840 peripheral shares (PS v1.7 "Peripheral interface"): 32-bit registers only;
/// tasks at 0x000-0x07C are triggered by writing 1; events at 0x100-0x17C are set by the hardware
/// and cleared by writing 0 (writing 1 sets one, as firmware may); INTEN (0x300), INTENSET (0x304),
/// INTENCLR (0x308): bit n enables the interrupt of the event at 0x100 + 4n, and the peripheral's
/// interrupt (its ID in the instantiation table) is asserted while an enabled event is set.
/// A subclass answers its other registers and says which tasks and events it has.
/// </summary>
public abstract class NrfPeripheral : IPeripheral
{
    public const uint TasksEnd = 0x080;
    public const uint EventsStart = 0x100;
    public const uint EventsLimit = 0x180;
    public const uint Inten = 0x300;
    public const uint IntenSet = 0x304;
    public const uint IntenClr = 0x308;

    /// <summary>A peripheral occupies one 4 KB slot of the APB space (PS "Memory", peripheral ID = address bits 17:12).</summary>
    public const uint SlotSize = 0x1000;

    readonly InterruptLine? line;
    uint events;
    uint inten;

    protected NrfPeripheral(string name, uint baseAddress, InterruptLine? line)
    {
        Name = name;
        Base = baseAddress;
        this.line = line;
    }

    public string Name { get; }
    public uint Base { get; }

    /// <summary>Bit n set: the event at 0x100 + 4n exists on this peripheral.</summary>
    protected abstract uint EventMask { get; }

    /// <summary>Bit n set: the task at 4n exists and is modelled.</summary>
    protected abstract uint TaskMask { get; }

    public static int EventIndex(uint eventOffset) => (int)((eventOffset - EventsStart) / 4);

    public bool EventSet(uint eventOffset) => (events & (1u << EventIndex(eventOffset))) != 0;

    /// <summary>The hardware generates an event.</summary>
    protected void Generate(uint eventOffset)
    {
        events |= 1u << EventIndex(eventOffset);
        UpdateLine();
    }

    protected void UpdateLine() => line?.Set((events & inten) != 0);

    public uint Read(uint offset, int size)
    {
        if (size != 4 || (offset & 3) != 0) throw Unmodelled(offset, write: false);
        if (offset is >= EventsStart and < EventsLimit && HasEvent(offset)) return EventSet(offset) ? 1u : 0u;
        return offset switch
        {
            Inten or IntenSet or IntenClr when line is not null => inten,
            _ => ReadRegister(offset) ?? throw Unmodelled(offset, write: false),
        };
    }

    public void Write(uint offset, uint value, int size)
    {
        if (size != 4 || (offset & 3) != 0) throw Unmodelled(offset, write: true);
        if (offset < TasksEnd && (TaskMask & (1u << (int)(offset / 4))) != 0)
        {
            if ((value & 1) != 0) Trigger(offset);
            return;
        }
        if (offset is >= EventsStart and < EventsLimit && HasEvent(offset))
        {
            if (value == 0) events &= ~(1u << EventIndex(offset));
            else events |= 1u << EventIndex(offset);
            UpdateLine();
            return;
        }
        switch (offset)
        {
            case Inten when line is not null:
                inten = value & EventMask;
                UpdateLine();
                return;
            case IntenSet when line is not null:
                inten |= value & EventMask;
                UpdateLine();
                return;
            case IntenClr when line is not null:
                inten &= ~value;
                UpdateLine();
                return;
        }
        if (!WriteRegister(offset, value)) throw Unmodelled(offset, write: true);
    }

    bool HasEvent(uint offset) => (EventMask & (1u << EventIndex(offset))) != 0;

    /// <summary>A task of <see cref="TaskMask"/> was triggered.</summary>
    protected abstract void Trigger(uint taskOffset);

    /// <summary>The value of a register that is neither task, event nor INTEN; null: not modelled.</summary>
    protected abstract uint? ReadRegister(uint offset);

    /// <summary>Writes a register that is neither task, event nor INTEN; false: not modelled.</summary>
    protected abstract bool WriteRegister(uint offset, uint value);

    protected UnmodelledRegisterException Unmodelled(uint offset, bool write) => new(Name, Base + offset, write);

    /// <summary>A write of a value whose effect the model does not have (the register itself is known).</summary>
    protected UnmodelledRegisterException UnmodelledValue(uint offset, uint value, string why) =>
        new($"{Name} (value 0x{value:X8}: {why})", Base + offset, write: true);
}
