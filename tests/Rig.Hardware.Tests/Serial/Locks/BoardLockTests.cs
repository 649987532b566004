using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Rig.Hardware.Serial;
using Rig.Hardware.Serial.Locks;
using Rig.Simulation.Link;

namespace Rig.Hardware.Tests.Serial.Locks;

/// <summary>
/// Board locks on real pseudo-terminals, in a lock directory of the test's own (never /var/lock): the UUCP lock file
/// minicom and picocom read, the flock on the device, holders that are other real processes, live or dead.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class BoardLockTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly List<string> _notes = [];

    public void Dispose()
    {
        _pty.Dispose();
        _tmp.Dispose();
    }

    private BoardLockDirectory Locks => new(_tmp.Path, null) { Notify = _notes.Add };

    private string LockFile => Path.Combine(_tmp.Path, "LCK.." + Path.GetFileName(_pty.Path));

    private static string Hdb(int pid) => pid.ToString(CultureInfo.InvariantCulture).PadLeft(10) + "\n";

    [Fact]
    public void A_taken_board_has_its_uucp_lock_file_with_the_pid_as_ten_ascii_characters_and_a_newline_until_released()
    {
        using (var held = BoardLock.Acquire(_pty.Path, Locks))
        {
            Assert.Equal(LockFile, held.LockFile);
            var bytes = File.ReadAllBytes(LockFile);
            Assert.Equal(11, bytes.Length);
            Assert.Equal(Environment.ProcessId, int.Parse(Encoding.ASCII.GetString(bytes, 0, 10).TrimStart(' '), CultureInfo.InvariantCulture));
            Assert.Equal((byte)'\n', bytes[10]);
            Assert.Null(held.TookOverFromPid);
            Assert.Equal(UnixFileMode.OtherRead, File.GetUnixFileMode(LockFile) & UnixFileMode.OtherRead);
        }
        Assert.False(File.Exists(LockFile), "the lock file outlived the lock");
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
        using var again = BoardLock.Acquire(_pty.Path, Locks);
    }

    [Fact]
    public void A_board_this_process_holds_is_refused_to_a_second_open_naming_this_process()
    {
        using var held = BoardLock.Acquire(_pty.Path, Locks);
        var e = Assert.Throws<BoardLockedException>(() => BoardLock.Acquire(_pty.Path, Locks));
        Assert.Equal($"serial port {_pty.Path} is in use by pid {Environment.ProcessId} (this rig process; lock {LockFile}): " +
                     $"wait for it to end, stop it (kill {Environment.ProcessId}), or use another --board", e.Message);
        Assert.True(File.Exists(LockFile), "the refused attempt removed the holder's lock file");
    }

    [Fact]
    public void A_lock_file_of_a_live_process_is_refused_naming_its_pid_and_command_line_and_left_alone()
    {
        using var holder = HolderProcess.Start("sleep", "37");
        File.WriteAllText(LockFile, Hdb(holder.Pid));
        var e = Assert.Throws<BoardLockedException>(() => BoardLock.Acquire(_pty.Path, Locks));
        Assert.StartsWith($"serial port {_pty.Path} is in use by pid {holder.Pid} (sleep 37; lock {LockFile}): ", e.Message);
        Assert.Contains($"kill {holder.Pid}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(Hdb(holder.Pid), File.ReadAllText(LockFile));
    }

    [Fact]
    public void A_stale_lock_of_a_dead_process_is_named_taken_over_and_released()
    {
        var dead = HolderProcess.DeadPid();
        File.WriteAllText(LockFile, Hdb(dead));
        using (var held = BoardLock.Acquire(_pty.Path, Locks))
        {
            Assert.Equal(dead, held.TookOverFromPid);
            Assert.Equal(Hdb(Environment.ProcessId), File.ReadAllText(LockFile));
            var note = Assert.Single(_notes);
            Assert.Contains($"serial port {_pty.Path}: took over the stale lock {LockFile} of pid {dead}, which is no longer running", note);
        }
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void A_lock_file_naming_no_process_is_refused_saying_to_remove_it()
    {
        File.WriteAllText(LockFile, "garbage\n");
        var e = Assert.Throws<BoardLockedException>(() => BoardLock.Acquire(_pty.Path, Locks));
        Assert.Equal($"serial port {_pty.Path}: the lock file {LockFile} names no process id; if no program uses the port, remove the file (rm {LockFile}) and run again", e.Message);
    }

    [Fact]
    public void A_process_holding_a_flock_on_the_device_without_a_lock_file_is_found_and_named()
    {
        // util-linux flock(1) opens the device and holds an exclusive flock while `sleep` runs, as picocom does.
        using var holder = HolderProcess.Start("flock", "--exclusive", _pty.Path, "sleep", "38");
        var e = RefusedWithin(TimeSpan.FromSeconds(20));
        Assert.StartsWith($"serial port {_pty.Path} is in use by pid {holder.Pid} (flock --exclusive {_pty.Path} sleep 38), which holds a lock on the device {_pty.Path}: ", e.Message);
        Assert.False(File.Exists(LockFile), "the refused attempt left its lock file behind");
    }

    [Fact]
    public void Every_name_of_a_board_is_one_lock_symbolic_links_as_in_dev_serial_by_id_are_resolved()
    {
        var byId = _tmp.Sub("usb-Rig_Test_Board_0001-if00");
        File.CreateSymbolicLink(byId, _pty.Path);
        using var held = BoardLock.Acquire(byId, Locks);
        Assert.Equal(LockFile, held.LockFile);
        Assert.Equal(_pty.Path, held.Device);
        var e = Assert.Throws<BoardLockedException>(() => BoardLock.Acquire(_pty.Path, Locks));
        Assert.Contains($"in use by pid {Environment.ProcessId}", e.Message);
    }

    [Fact]
    public void The_serial_link_releases_its_board_lock_when_closed_and_when_the_port_does_not_open()
    {
        using (new SerialPortLink(_pty.Path, 115200, TimeSpan.FromSeconds(1), BoardLock.Acquire(_pty.Path, Locks)))
            Assert.True(File.Exists(LockFile));
        Assert.False(File.Exists(LockFile));

        // A regular file is no serial port: the port fails to open and the lock taken for it goes at once.
        var notSerial = _tmp.Write("not-a-port", "x");
        var lockOfFile = Path.Combine(_tmp.Path, "LCK..not-a-port");
        Assert.Throws<IOException>(() => new SerialPortLink(notSerial, 115200, TimeSpan.FromSeconds(1), BoardLock.Acquire(notSerial, Locks)));
        Assert.False(File.Exists(lockOfFile));
    }

    [Fact]
    public void A_missing_port_says_it_does_not_exist_and_writes_no_lock()
    {
        var e = Assert.Throws<IOException>(() => BoardLock.Acquire("/dev/rig-no-such-port", Locks));
        Assert.StartsWith("serial port /dev/rig-no-such-port does not exist", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Theory]
    [InlineData("      1230\n", 1230)]
    [InlineData("0000001230\n", 1230)]
    [InlineData("      1230\ncu\n", 1230)]
    [InlineData("1230", 1230)]
    [InlineData("", null)]
    [InlineData("  -5\n", null)]
    [InlineData("abc\n", null)]
    public void Lock_file_contents_are_read_as_hdb_ascii(string content, int? pid) =>
        Assert.Equal(pid, UucpLockFile.ParsePid(Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void The_original_binary_four_byte_pid_is_read_too() =>
        Assert.Equal(4321, UucpLockFile.ParsePid(BitConverter.GetBytes(4321)));

    private BoardLockedException RefusedWithin(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                BoardLock.Acquire(_pty.Path, Locks).Dispose();
            }
            catch (BoardLockedException e)
            {
                return e;
            }
            Assert.True(clock.Elapsed < patience, "the holder never took the device");
            Thread.Sleep(20);
        }
    }
}
