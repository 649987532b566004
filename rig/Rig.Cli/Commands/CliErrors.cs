using Rig.Core.Config;

namespace Rig.Cli.Commands;

/// <summary>
/// Turns the rig's expected failures (bad input files, unreadable data) into one clear message on
/// stderr and exit code 2, instead of a stack trace. Anything else is a bug and keeps its trace.
/// </summary>
public static class CliErrors
{
    public const int BadInput = 2;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return BadInput;
        }
    }
}
