using Rig.Cli;

return RigCli.Execute(args).ExitCode;
