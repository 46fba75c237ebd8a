using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Syndication.Cli.Tests.Support;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// A history that cannot be written, through the real executable on real SQLite files: a full disk, a read-only
/// file or folder, damaged pages, a lock held by another program, a second writer through a symlink. Each ends with
/// one line naming the file and the cause and exit 3, and leaves the history as it was; reading commands never crash.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HistoryFailureTests
{
    private static readonly string[] Samples =
    [
        "wordpress-compliant.html", "wordpress-no-logo.html", "blox-first-name-only.html", "amp-compliant.html",
        "ghost-affiliation-the-daily-caller.html", "drupal-first-line-credit-compliant.html", "newspack-two-reporters-one-credited.html",
    ];

    [Test]
    public async Task A_full_disk_is_named_and_leaves_the_history_as_it_was()
    {
        // Night 1 records two pages; night 2 has twenty, more than the disk has room for.
        using var folder = ListOf(2);
        var first = await AuditAsync(folder, folder.History);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), first.Stderr);
        var before = Snapshot(folder.History);
        WriteList(folder, 20);
        File.Copy(folder.History, folder.File("untouched.db"));

        var full = await AuditOnAFullDiskAsync(folder);

        Assert.That(full.ExitCode, Is.EqualTo(ExitCodes.Usage), full.Stderr);
        Assert.That(LastLine(full.Stderr), Does.Match(@"^syndication: history .*history\.db: (the disk is full|a write failed: the disk is full or the file reached its size limit) \(SQLite Error \d+"));
        Assert.That(full.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Unhandled"));
        Assert.That(Snapshot(folder.History), Is.EqualTo(before), "the state the next run compares with and the complete runs are unchanged");

        // The next night, with room again, says what it would have said had the full night never happened.
        var expected = await AuditAsync(folder, folder.File("untouched.db"));
        var next = await AuditAsync(folder, folder.History);
        Assert.That(next.ExitCode, Is.EqualTo(expected.ExitCode), next.Stderr);
        Assert.That(Findings(next.Stdout), Is.EqualTo(Findings(expected.Stdout)));
    }

    [Test]
    public async Task Read_only_damaged_and_locked_histories_are_refused_before_anything_is_written_and_reading_never_crashes()
    {
        using var folder = ListOf(3);
        var first = await AuditAsync(folder, folder.History);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), first.Stderr);
        using var places = new TempFolder();
        string Copy(string name)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(places.File(name))!);
            File.Copy(folder.History, places.File(name));
            return places.File(name);
        }

        var readOnlyFile = Copy("read-only-file.db");
        var readOnlyFolder = Copy(Path.Combine("read-only", "history.db"));
        var damaged = Copy("damaged.db");
        var damagedResult = Copy("damaged-result.db");
        var locked = Copy("locked.db");
        File.SetUnixFileMode(readOnlyFile, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Damage(damaged);
        using (var connection = Connect(damagedResult))
        {
            Execute(connection, "UPDATE results SET result = x'1f8b0800' WHERE id = (SELECT result_id FROM entries WHERE position = 0)");
        }

        var hashes = new[] { readOnlyFile, readOnlyFolder, damaged, locked }.ToDictionary(p => p, Hash);
        using var holder = Connect(locked);
        Execute(holder, "BEGIN IMMEDIATE");
        File.SetUnixFileMode(places.File("read-only"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            var launcher = Unprivileged.Launcher();
            var runs = await Task.WhenAll(
                CliRunner.RunProcessAsync(null, launcher, Audit(folder, readOnlyFile)),
                CliRunner.RunProcessAsync(null, launcher, Audit(folder, readOnlyFolder)),
                CliRunner.RunProcessAsync(Audit(folder, damaged)),
                CliRunner.RunProcessAsync(Audit(folder, locked)),
                CliRunner.RunProcessAsync(null, launcher, "runs", "--history", readOnlyFolder),
                CliRunner.RunProcessAsync(null, launcher, "report", "--run", "1", "--history", readOnlyFolder, "--format", "json"),
                CliRunner.RunProcessAsync("report", "--run", "1", "--history", damagedResult, "--format", "json"));

            AssertRefused(runs[0], readOnlyFile, "the file is read-only");
            AssertRefused(runs[1], readOnlyFolder, "permission denied (cannot create");
            AssertRefused(runs[2], damaged, "the file is damaged");
            AssertRefused(runs[3], locked, "another program holds a lock on it");
            Assert.That(runs[4].ExitCode, Is.Zero, "a read-only folder is read: " + runs[4].Stderr);
            Assert.That(runs[4].Stdout, Does.Contain("complete"));
            Assert.That(runs[5].ExitCode, Is.Zero, runs[5].Stderr);
            Assert.That(JsonReport.Parse(runs[5].Stdout).Pages, Has.Count.EqualTo(3));
            Assert.That(runs[6].ExitCode, Is.EqualTo(ExitCodes.Usage), runs[6].Stderr);
            Assert.That(runs[6].Stderr, Does.Contain($"history {damagedResult}: a stored value is damaged").And.Not.Contain("   at "));
        }
        finally
        {
            File.SetUnixFileMode(places.File("read-only"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        holder.Dispose();
        foreach (var (path, hash) in hashes)
        {
            Assert.That(Hash(path), Is.EqualTo(hash), $"{path} is byte for byte as it was");
        }

        // Every reading command on the damaged file ends with a line or an answer, never a crash.
        foreach (var command in new[] { new[] { "runs" }, ["history", "Partner 1"], ["diff"], ["report", "--run", "1", "--format", "json"], ["evidence", "p1"] })
        {
            var read = await CliRunner.RunProcessAsync([.. command, "--history", damaged]);
            Assert.That(read.ExitCode, Is.AnyOf(ExitCodes.Ok, ExitCodes.Usage), string.Join(' ', command) + "\n" + read.Stderr);
            Assert.That(read.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Unhandled"), string.Join(' ', command));
            if (read.ExitCode == ExitCodes.Usage)
            {
                Assert.That(LastLine(read.Stderr), Does.Contain(damaged), string.Join(' ', command));
            }
        }
    }

    [Test]
    public async Task The_writer_lock_is_taken_on_the_real_file_so_a_symlink_is_the_same_history()
    {
        using var folder = ListOf(3);
        var link = folder.File("link.db");
        File.CreateSymbolicLink(link, folder.History);
        using var first = RunningCli.Start(new Dictionary<string, string?> { [RunPhase.Variable] = RunPhase.MidRun }, Audit(folder, folder.History));
        await first.WaitForStderrAsync($"paused at {RunPhase.MidRun}", TimeSpan.FromSeconds(60));

        var second = await CliRunner.RunProcessAsync(Audit(folder, link));

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Usage), second.Stderr);
        Assert.That(LastLine(second.Stderr), Is.EqualTo($"syndication: {link} is being written by another audit or merge; only one may write a history at a time"));
        await first.KillAsync();
    }

    private static AuditFolder ListOf(int pages)
    {
        var folder = new AuditFolder();
        WriteList(folder, pages);
        return folder;
    }

    private static void WriteList(AuditFolder folder, int pages)
    {
        var names = new List<string>();
        for (var i = 0; i < pages; i++)
        {
            folder.Page($"p{i}.html", Samples[i % Samples.Length]);
            names.Add($"p{i}.html");
        }

        folder.WriteList([("Partner 1", [.. names])]);
    }

    private static string[] Audit(AuditFolder folder, string history) => ["audit", folder.List, "--history", history, "--format", "json"];

    private static Task<CliRunner.Result> AuditAsync(AuditFolder folder, string history) => CliRunner.RunProcessAsync(Audit(folder, history));

    /// <summary>
    /// Night 2 with its history on a disk that fills up: a small tmpfs (<see cref="SmallDisk"/>), else a file-size limit
    /// (prlimit), which SQLite meets as a failed write.
    /// </summary>
    private static async Task<CliRunner.Result> AuditOnAFullDiskAsync(AuditFolder folder)
    {
        var limited = folder.File("limited");
        Directory.CreateDirectory(limited);
        var bytes = new FileInfo(folder.History).Length;

        // Room for the file, its 32 KB -shm and a few pages of -wal: the night's first batch does not fit.
        var size = (bytes + 48 * 1024 + 4095) / 4096 * 4096;
        var onTmpfs = await SmallDisk.RunAsync(
            limited,
            size,
            Audit(folder, Path.Combine(limited, "history.db")),
            before: "cp \"$SOURCE\" \"$DISK/history.db\"",
            after: "cp \"$DISK/history.db\" \"$SOURCE\"",
            environment: new Dictionary<string, string?> { ["SOURCE"] = folder.History });
        if (onTmpfs is not null)
        {
            return onTmpfs;
        }

        // SIGXFSZ ignored, so a write past the limit fails (EFBIG) instead of killing the process; .NET's
        // write-xor-execute double mapping needs files larger than the limit, so it is turned off.
        var limit = bytes + 8 * 1024;
        var environment = new Dictionary<string, string?> { ["DOTNET_EnableWriteXorExecute"] = "0" };
        return await CliRunner.RunProcessAsync(environment, ["sh", "-c", "trap '' XFSZ; exec prlimit --fsize=" + limit + " \"$@\"", "sh"], Audit(folder, folder.History));
    }

    /// <summary>What the history says the next run compares with: its complete runs and the page and requirement states.</summary>
    private static string Snapshot(string history)
    {
        using var connection = Connect(history);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_concat(x, '|') FROM (
              SELECT 'run ' || id || ' ' || status AS x FROM runs WHERE status = 'complete'
              UNION ALL SELECT p.page_key || ' ' || e.verdict || ' ' || e.since || ' ' || e.streak || ' ' || e.requirements || ' ' || p.state_run
                FROM pages p JOIN entries e ON e.id = p.state_entry_id ORDER BY 1)
            """;
        var snapshot = (string)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA integrity_check";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("ok"));
        return snapshot;
    }

    /// <summary>Overwrites a run of pages in the middle of the file with garbage (a disk fault, a bad copy), the same each time.</summary>
    private static void Damage(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = file.Length / 2 / 4096 * 4096;
        var garbage = new byte[3 * 4096];
        new Random(12).NextBytes(garbage);
        file.Write(garbage);
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AssertRefused(CliRunner.Result result, string history, string cause)
    {
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.Stderr);
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, before any page: " + result.Stderr);
        Assert.That(result.Stderr, Does.StartWith($"syndication: history {history}: {cause}"));
    }

    private static string LastLine(string text) => text.Trim().Split('\n')[^1];

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static List<string> Findings(string json) => JsonReport.Parse(json).Pages
        .Select(p => $"{Path.GetFileName(p.GetProperty("url").GetString())} {p.GetProperty("verdict").GetString()} {p.GetProperty("change")}")
        .ToList();
}
