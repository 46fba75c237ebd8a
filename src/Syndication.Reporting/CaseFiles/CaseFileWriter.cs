using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Syndication.Files;
using Syndication.Verdicts;

namespace Syndication.Reporting.CaseFiles;

/// <summary>
/// Writes a case file as a folder or a zip: <c>index.html</c> (a letter-style summary: the pages, what each lacks and
/// since when, the licence's words, the partner's contact), <c>screenshots/</c>, <c>archived/</c> (each page's bytes
/// exactly as fetched), <c>case.json</c> (the same facts for machines) and <c>SHA256SUMS</c> over every file, so the
/// recipient can check that nothing was changed (<c>sha256sum -c SHA256SUMS</c>). The letter loads nothing but the
/// case file's own images, and runs nothing.
/// </summary>
public static class CaseFileWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private const string Policy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private const string Style = """
        body { font: 16px/1.5 Georgia, serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #222; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; border-top: 1px solid #ccc; padding-top: 1em; overflow-wrap: anywhere; }
        blockquote { border-left: 4px solid #999; margin: 1em 0; padding: .2em 1em; font-style: italic; }
        table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
        img { max-width: 100%; border: 1px solid #ccc; } figcaption, .facts { font: 13px/1.4 sans-serif; color: #555; overflow-wrap: anywhere; }
        """;

    /// <summary>Writes the case file to <paramref name="output"/>: a zip when it ends in .zip, else a folder (created; it must be empty). Returns the files written.</summary>
    public static IReadOnlyList<string> Write(CaseFile caseFile, string output)
    {
        var files = Files(caseFile);
        if (output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.Write(output, stream =>
            {
                using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
                foreach (var (name, bytes) in files)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = caseFile.WrittenAt;
                    using var entryStream = entry.Open();
                    entryStream.Write(bytes);
                }
            });
        }
        else
        {
            if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            {
                throw new IOException($"{output} is not empty: a case file is written to a new or empty folder");
            }

            foreach (var (name, bytes) in files)
            {
                var path = Path.Combine(output, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                AtomicFile.Write(path, stream => stream.Write(bytes));
            }
        }

        return files.Select(f => f.Name).ToList();
    }

    /// <summary>Every file of the case file, by its path inside it, SHA256SUMS last.</summary>
    public static List<(string Name, byte[] Bytes)> Files(CaseFile caseFile)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        var pages = new List<PageFiles>();
        var number = 0;
        foreach (var page in caseFile.Pages)
        {
            number++;
            var stem = $"{number:00}-{Slug(page.Result.Url)}";
            string? archived = null;
            if (page.Archive is { } archive)
            {
                archived = $"archived/{stem}.html";
                files.Add((archived, archive.Body));
            }

            var shots = new List<string>();
            foreach (var shot in page.Screenshots)
            {
                var name = $"screenshots/{stem}-{shot.Name}.png";
                files.Add((name, shot.Png));
                shots.Add(name);
            }

            pages.Add(new PageFiles(page, archived, shots));
        }

        files.Insert(0, ("index.html", Encoding.UTF8.GetBytes(Letter(caseFile, pages))));
        files.Add(("case.json", Json(caseFile, pages)));
        var sums = new StringBuilder();
        foreach (var (name, bytes) in files)
        {
            sums.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append("  ").Append(name).Append('\n');
        }

        files.Add(("SHA256SUMS", Encoding.UTF8.GetBytes(sums.ToString())));
        return files;
    }

    private sealed record PageFiles(CasePage Page, string? Archived, IReadOnlyList<string> Screenshots);

    private static string Letter(CaseFile c, IReadOnlyList<PageFiles> pages)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>");
        var html = new HtmlBuilder(document);
        var head = document.Head!;
        var charset = html.Element("meta");
        charset.SetAttribute("charset", "utf-8");
        head.AppendChild(charset);
        var policy = html.Element("meta");
        policy.SetAttribute("http-equiv", "Content-Security-Policy");
        policy.SetAttribute("content", Policy);
        head.AppendChild(policy);
        head.AppendChild(html.Text("title", null, $"Licence compliance: {c.Partner}"));
        head.AppendChild(html.Element("style", null, Style));

        var body = document.Body!;
        var nonCompliant = pages.Count(p => p.Page.Result.Verdict == PageVerdict.NonCompliant);
        body.AppendChild(html.Text("h1", null, $"Licence compliance of {c.Partner}'s republished articles"));
        var to = html.Element("p", "facts");
        to.AppendChild(html.Text("span", null, $"To: {c.Partner}{(c.Contact is { } contact ? $" <{contact}>" : string.Empty)}"));
        to.AppendChild(html.Element("br"));
        to.AppendChild(html.Text("span", null, $"From: {c.Licensor}, licensing"));
        to.AppendChild(html.Element("br"));
        to.AppendChild(html.Plain($"Date: {ReportFormatting.Date(c.WrittenAt)} · checked in run {c.RunId.ToString(CultureInfo.InvariantCulture)} of {ReportFormatting.Date(c.RunStartedAt)}"));
        body.AppendChild(to);
        if (c.Notes is { } notes)
        {
            body.AppendChild(html.Text("p", "facts", $"Notes: {notes}"));
        }

        body.AppendChild(html.Text(
            "p",
            null,
            $"Our automated check of {pages.Count} page(s) republishing {c.Licensor} articles found {nonCompliant} that do not meet the licence"
            + (pages.Count > nonCompliant ? $" and {pages.Count - nonCompliant} that a person should look at" : string.Empty) + "."));
        if (c.LicenceText is { } licence)
        {
            body.AppendChild(html.Element("p", null, "The licence asks:"));
            body.AppendChild(html.Text("blockquote", null, licence));
        }

        body.AppendChild(html.Element("p", null, "Each page below lists what is missing and since when, with a screenshot of what a reader saw where the page was rendered, and the page exactly as it was fetched (its SHA-256 lets anyone check the copy is unchanged; SHA256SUMS covers every file of this case file)."));

        var table = html.Element("table");
        var header = html.Element("tr");
        foreach (var title in new[] { "#", "Page", "Verdict", "Requirements not met" })
        {
            header.AppendChild(html.Element("th", null, title));
        }

        table.AppendChild(header);
        var number = 0;
        foreach (var page in pages)
        {
            var row = html.Element("tr");
            row.AppendChild(html.Element("td", null, (++number).ToString(CultureInfo.InvariantCulture)));
            var cell = html.Element("td");
            cell.AppendChild(html.Link(page.Page.Result.Url, null, "url"));
            row.AppendChild(cell);
            row.AppendChild(html.Element("td", null, VerdictNames.Of(page.Page.Result.Verdict)));
            row.AppendChild(html.Text("td", null, string.Join(", ", Unmet(page.Page.Result).Select(r => $"{r.Id} ({VerdictNames.Of(r.Status)})"))));
            table.AppendChild(row);
        }

        body.AppendChild(table);
        number = 0;
        foreach (var page in pages)
        {
            body.AppendChild(Page(html, page, ++number));
        }

        return "<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml + "\n";
    }

    private static IElement Page(HtmlBuilder html, PageFiles files, int number)
    {
        var result = files.Page.Result;
        var section = html.Element("section");
        var heading = html.Element("h2");
        heading.AppendChild(html.Plain($"{number}. "));
        heading.AppendChild(html.Link(result.Url, null, "url"));
        section.AppendChild(heading);
        if (result.Original is { } original)
        {
            section.AppendChild(html.Text("p", "facts", $"Republishes \"{original.Title}\" by {string.Join(", ", original.Reporters)} ({original.Url})"));
        }

        var list = html.Element("ul");
        foreach (var requirement in Unmet(result))
        {
            var since = requirement.Since is { } at ? $" — since {ReportFormatting.Date(at)}" + (requirement.Streak is > 1 and var runs ? $", {runs} checks in a row" : string.Empty) : string.Empty;
            var waiver = requirement.Waiver is { } w ? $" (waived until {w.Expires}: {w.Reason})" : string.Empty;
            list.AppendChild(html.Text("li", null, $"{requirement.Id}: {VerdictNames.Of(requirement.Status)}{since}{waiver}. {requirement.Message}"));
        }

        section.AppendChild(list);
        foreach (var shot in files.Screenshots.Zip(files.Page.Screenshots))
        {
            var figure = html.Element("figure");
            var image = html.Element("img");
            image.SetAttribute("src", shot.First);
            image.SetAttribute("alt", $"{shot.Second.Name} screenshot of page {number}");
            figure.AppendChild(image);
            var outlined = shot.Second.Outlined.Count > 0 ? $"; outlined: {string.Join("; ", shot.Second.Outlined)}" : string.Empty;
            figure.AppendChild(html.Text("figcaption", null, $"{shot.First} ({shot.Second.Width} × {shot.Second.Height} px), SHA-256 {shot.Second.Sha256}{outlined}"));
            section.AppendChild(figure);
        }

        if (files.Page.Archive is { } archive)
        {
            section.AppendChild(html.Text(
                "p",
                "facts",
                $"Archived as fetched: {files.Archived} — {archive.Body.Length.ToString(CultureInfo.InvariantCulture)} bytes, SHA-256 {archive.Sha256}, fetched {ReportFormatting.Date(archive.FetchedAt)}"
                + (archive.FinalUrl is { } final ? $" from {final}" : string.Empty) + ". Opened in a browser, it runs the page's own scripts."));
        }
        else
        {
            section.AppendChild(html.Element("p", "facts", "No fetch is archived for this page (fetches are archived for non-compliant pages)."));
        }

        return section;
    }

    private static IEnumerable<RequirementOutcome> Unmet(Syndication.Pipeline.PageResult result) => result.Requirements.Where(r => r.Status != Outcome.Pass);

    private static byte[] Json(CaseFile c, IReadOnlyList<PageFiles> pages)
    {
        var model = new
        {
            partner = c.Partner,
            contact = c.Contact,
            licensor = c.Licensor,
            licence = c.LicenceText,
            run = c.RunId,
            runStartedAt = c.RunStartedAt,
            writtenAt = c.WrittenAt,
            pages = pages.Select(p => new
            {
                url = p.Page.Result.Url,
                verdict = VerdictNames.Of(p.Page.Result.Verdict),
                requirements = p.Page.Result.Requirements.Select(r => new { id = r.Id, status = VerdictNames.Of(r.Status), message = r.Message, since = r.Since, runs = r.Streak }),
                archived = p.Page.Archive is { } a ? new { file = p.Archived, sha256 = a.Sha256, fetchedAt = a.FetchedAt, finalUrl = a.FinalUrl, bytes = a.Body.Length } : null,
                screenshots = p.Screenshots.Zip(p.Page.Screenshots).Select(s => new { file = s.First, sha256 = s.Second.Sha256, outlined = s.Second.Outlined }),
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(model, Indented);
    }

    /// <summary>A short, safe file name from the page's address.</summary>
    private static string Slug(string url)
    {
        var text = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Host + uri.AbsolutePath : Path.GetFileNameWithoutExtension(url);
        var slug = new string(text.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "page" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-');
    }
}
