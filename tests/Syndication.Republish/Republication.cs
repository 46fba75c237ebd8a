using AngleSharp.Dom;
using Syndication.Originals;

namespace Syndication.Republish;

/// <summary>
/// One copy of a template being turned into a republication of an original: the original's headline and paragraphs
/// replace the template's, then a variant places the credits, the logo and the licensor's name.
/// </summary>
public sealed partial class Republication
{
    private const string LogoFile = "/wp-content/uploads/2022/03/dcnf-logo-300x75.png";
    private const string LogoAlt = "Daily Caller News Foundation logo";

    private readonly IDocument _document;
    private readonly IElement _body;
    private readonly IElement? _headline;
    private readonly IElement _byline;
    private readonly IElement _article;
    private readonly IElement? _sidebar;
    private readonly IElement? _footer;
    private readonly IElement? _related;
    private readonly IReadOnlyList<string> _authors;
    private readonly List<IElement> _story = [];
    private readonly List<IElement> _oldParagraphs;

    public Republication(IDocument template, TemplateSlots slots, IReadOnlyList<string> authors, Original original)
    {
        _document = (IDocument)template.Clone(deep: true);
        var all = _document.All.ToList();
        _body = all[slots.Body];
        _headline = slots.Headline < 0 ? null : all[slots.Headline];
        _byline = all[slots.Byline];
        _article = all[slots.Article];
        _sidebar = slots.Sidebar < 0 ? null : all[slots.Sidebar];
        _footer = slots.Footer < 0 ? null : all[slots.Footer];
        _related = slots.Related < 0 ? null : all[slots.Related];
        _authors = authors;
        Original = original;
        _oldParagraphs = [.. slots.Paragraphs.Select(i => all[i])];
        var otherProse = slots.OtherProse.Select(i => all[i]).ToList();
        SetHeadline(original.Title);
        ReplaceStory(original.Paragraphs);

        // The rest of the template's story, in other sections of its article, goes as well: each such section's text
        // (its short lines, lists and subheadings too), except boxes of links.
        foreach (var section in otherProse.Select(p => p.ParentElement).OfType<IElement>().Distinct().ToList())
        {
            if (section.Contains(_body) || section.Contains(_byline) || (_headline is not null && section.Contains(_headline)))
            {
                continue;
            }

            foreach (var old in section.Children.Where(c => TemplateSlots.Collapse(c.TextContent).Length > 0 && !IsLinkBox(c)).ToList())
            {
                old.Remove();
            }
        }

        foreach (var paragraph in otherProse)
        {
            paragraph.Remove();
        }
    }

    public Original Original { get; }

    public bool HasFooter => _footer is not null;

    /// <summary>The original's reporters as a byline names them: "Jane Doe" or "Jane Doe and John Roe".</summary>
    public string Reporters => string.Join(" and ", Original.Reporters);

    /// <summary>The page as built so far.</summary>
    public IDocument Document => _document;

    /// <summary>The template's byline names the original's reporters, followed by <paramref name="after"/> (", Daily Caller News Foundation").</summary>
    public void CreditReporters(string after, bool screenReaderBy = false)
    {
        Credit(Reporters, after);
        if (screenReaderBy)
        {
            // The template's own visible "By" goes; a "By " only screen readers get stands before the name.
            foreach (var node in (_byline.ParentElement ?? _byline).Descendants<IText>().Where(t => ByOnly().IsMatch(t.Data)).ToList())
            {
                node.Data = ByOnly().Replace(node.Data, string.Empty);
            }

            var hidden = _document.CreateElement("span");
            hidden.ClassName = "screen-reader-text";
            hidden.TextContent = "By ";
            _byline.Before(hidden);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(by|written by)\s*:?\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ByOnly();

    /// <summary>The template's byline names someone else.</summary>
    public void CreditOther(string name) => Credit(name, string.Empty);

    /// <summary>The template's byline goes, with a "By" left alone by it.</summary>
    public void RemoveByline()
    {
        var parent = _byline.ParentElement;
        _byline.Remove();
        while (parent is not null && parent.LocalName is not ("body" or "article" or "main") && IsLeftover(parent))
        {
            var next = parent.ParentElement;
            parent.Remove();
            parent = next;
        }
    }

    private static bool IsLeftover(IElement element)
    {
        var text = TemplateSlots.Collapse(element.TextContent);
        return text.Length == 0 || System.Text.RegularExpressions.Regex.IsMatch(text, @"^(by|written by|author|story by)?\s*[:|,·•\-—]*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }

    /// <summary>The partner drops the licensor's licensing note that closes the original.</summary>
    public void DropBoilerplate()
    {
        foreach (var paragraph in _story.Where(p => p.TextContent.Contains("All content created by the", StringComparison.Ordinal)).ToList())
        {
            paragraph.Remove();
            _story.Remove(paragraph);
        }
    }

    public void LogoAtStoryStart() => _story[0].Before(Logo());

    public void LogoAtStoryEnd() => _story[^1].After(Logo());

    public void LogoUnderHeadline() => (_headline ?? _story[0]).After(Logo());

    /// <summary>The logo in the site's sidebar, else its footer, else a sidebar of its own after the article.</summary>
    public void LogoInSidebar()
    {
        if (_sidebar is not null)
        {
            _sidebar.Prepend(Logo());
        }
        else if (_footer is not null)
        {
            _footer.Prepend(Logo());
        }
        else
        {
            var aside = _document.CreateElement("aside");
            aside.AppendChild(Logo());
            _article.After(aside);
        }
    }

    /// <summary>The logo in a figure whose caption names <paramref name="caption"/>, opening the story.</summary>
    public void CaptionedLogoAtStoryStart(string caption)
    {
        var figure = _document.CreateElement("figure");
        figure.AppendChild(Logo());
        var figcaption = _document.CreateElement("figcaption");
        figcaption.TextContent = caption;
        figure.AppendChild(figcaption);
        _story[0].Before(figure);
    }

    public void FirstLine(string text) => _story[0].Before(Paragraph(text));

    public void Dateline(string text) => _story[0].Prepend(_document.CreateTextNode(text));

    public void ClosingLine(Func<string, string> text) => _story[^1].After(Paragraph(text(Reporters)));

    /// <summary>Appends a line to the site's footer.</summary>
    public void InFooter(string text) => _footer!.AppendChild(Paragraph(text));

    /// <summary>A teaser crediting the reporters in the site's related list, else in a list of three teasers after the article.</summary>
    public void RelatedList(Func<string, string> credit)
    {
        if (_related is not null)
        {
            _related.AppendChild(Teaser("Lawmakers Weigh New Rules For Rural Broadband Grants", credit(Reporters)));
            return;
        }

        var section = _document.CreateElement("section");
        var heading = _document.CreateElement("h2");
        heading.TextContent = "More stories";
        section.AppendChild(heading);
        section.AppendChild(Teaser("Lawmakers Weigh New Rules For Rural Broadband Grants", credit(Reporters)));
        section.AppendChild(Teaser("County Fair Returns With Record Livestock Entries", "By " + Variants.PartnerWriter));
        section.AppendChild(Teaser("School Board Approves Four-Day Week For Next Fall", "By Staff"));
        _article.After(section);
    }

    /// <summary>An "About the author" box right after the story, inside the article.</summary>
    public void AuthorBoxAfterStory(Func<string, string> bio)
    {
        var box = _document.CreateElement("div");
        var heading = _document.CreateElement("h4");
        heading.TextContent = "About the author";
        box.AppendChild(heading);
        box.AppendChild(Paragraph(bio(Reporters)));
        _story[^1].After(box);
    }

    /// <summary>A sentence naming someone, added to the story's fourth paragraph (or its last).</summary>
    public void SentenceInStory(string sentence)
    {
        var paragraph = _story[Math.Min(3, _story.Count - 1)];
        paragraph.AppendChild(_document.CreateTextNode(" " + sentence));
    }

    /// <summary>A comment thread after the article: a reader signing with the reporters' name.</summary>
    public void CommentsAfterArticle(Func<string, string> commenter, string comment)
    {
        var section = _document.CreateElement("section");
        section.Id = "comments";
        var heading = _document.CreateElement("h3");
        heading.TextContent = "2 thoughts on this story";
        section.AppendChild(heading);
        foreach (var (who, what) in new[] { (commenter(Reporters), comment), ("Dale P.", "Interesting, thanks.") })
        {
            var item = _document.CreateElement("div");
            var name = _document.CreateElement("p");
            name.TextContent = who + " says:";
            item.AppendChild(name);
            item.AppendChild(Paragraph(what));
            section.AppendChild(item);
        }

        _article.After(section);
    }

    /// <summary>A box with another story's linked headline and a credit, between the story's third and fourth paragraphs.</summary>
    public void RelatedBoxInStory(Func<string, string> credit) =>
        _story[Math.Min(2, _story.Count - 1)].After(Teaser("Senators Press Pentagon On Drone Supply Chains", credit(Reporters)));

    /// <summary>A lead photo opening the story, with a credit line under it (no figure, no caption markup).</summary>
    public void PhotoWithCreditAtStoryStart(Func<string, string> credit)
    {
        var box = _document.CreateElement("div");
        var image = _document.CreateElement("img");
        image.SetAttribute("src", "/wp-content/uploads/2022/07/lead-photo.jpg");
        image.SetAttribute("alt", "A drone on display at an air show");
        image.SetAttribute("width", "1024");
        image.SetAttribute("height", "683");
        box.AppendChild(image);
        box.AppendChild(Paragraph(credit(Reporters)));
        _story[0].Before(box);
    }

    private void SetHeadline(string title)
    {
        // The page's title and its social cards name the article too.
        _document.Title = title;
        foreach (var meta in _document.QuerySelectorAll("meta[property='og:title'], meta[name='twitter:title']"))
        {
            meta.SetAttribute("content", title);
        }

        if (_headline is null)
        {
            return;
        }

        // Keep a link the headline may wrap its text in.
        var target = _headline;
        while (target.Children.Length == 1 && TemplateSlots.Collapse(target.Children[0].TextContent) == TemplateSlots.Collapse(target.TextContent))
        {
            target = target.Children[0];
        }

        target.TextContent = title;
    }

    /// <summary>
    /// The original's paragraphs take the places of what told the template's story (the story container's children
    /// that hold text, except boxes of links such as a related list or share bar, and the headline or byline), in
    /// order; extra paragraphs follow the last; what is left of the old story goes. A byline inside the story's container
    /// stands before the story or, when most of the story is above it, closes it.
    /// </summary>
    private void ReplaceStory(IReadOnlyList<string> paragraphs)
    {
        var texts = _body.Children
            .Where(c => TemplateSlots.Collapse(c.TextContent).Length > 0 && !IsLinkBox(c) && !c.Contains(_byline) && (_headline is null || !c.Contains(_headline)) && After(c, _headline))
            .ToList();
        var old = texts.Where(c => After(c, _byline) || !_body.Contains(_byline)).ToList();
        var before = texts.Except(old).ToList();
        if (_oldParagraphs.Count(p => !After(p, _byline)) > _oldParagraphs.Count(p => After(p, _byline)) && before.Count > 0)
        {
            old = before;
        }

        if (old.Count == 0)
        {
            old = [.. _oldParagraphs];
        }

        // Text of the old story that stands loose in the container, between its elements, goes too.
        var storyFrom = old.Count > 0 && ReferenceEquals(old, before) ? _headline : _body.Contains(_byline) ? _byline : _headline;
        var storyTo = old.Count > 0 && ReferenceEquals(old, before) ? _byline : null;
        foreach (var loose in _body.ChildNodes.OfType<IText>().Where(t => !string.IsNullOrWhiteSpace(t.Data) && Follows(t, storyFrom) && (storyTo is null || !Follows(t, storyTo))).ToList())
        {
            loose.Remove();
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = Paragraph(paragraphs[i]);
            if (i < old.Count)
            {
                old[i].Replace(paragraph);
            }
            else
            {
                _story[^1].After(paragraph);
            }

            _story.Add(paragraph);
        }

        foreach (var left in old.Skip(paragraphs.Count))
        {
            left.Remove();
        }

        // A paragraph of the old story in a box of its own (with the headline, say) goes too.
        foreach (var left in _oldParagraphs.Where(p => _document.DocumentElement.Contains(p) && !p.Contains(_byline)))
        {
            left.Remove();
        }
    }

    /// <summary>The node comes after the element in the page (or there is no element).</summary>
    private static bool Follows(INode node, IElement? other) =>
        other is null || other.CompareDocumentPosition(node).HasFlag(DocumentPositions.Following);

    /// <summary>The element comes after the other in the page (or there is no other).</summary>
    private static bool After(IElement element, IElement? other) =>
        other is null || other.CompareDocumentPosition(element).HasFlag(DocumentPositions.Following);

    /// <summary>A related list, a share bar, an ad: a box whose text is mostly links.</summary>
    private static bool IsLinkBox(IElement element)
    {
        var text = TemplateSlots.Collapse(element.TextContent).Length;
        var links = element.QuerySelectorAll("a[href]");
        var linked = links.Sum(a => TemplateSlots.Collapse(a.TextContent).Length);
        return element.LocalName is not ("p" or "blockquote" or "h2" or "h3" or "h4" or "h5" or "h6") && links.Length >= 2 && linked * 2 >= text;
    }

    private void Credit(string name, string after)
    {
        var authors = _authors.Select(TemplateSlots.NamePattern).ToList();

        // The affiliation follows the name: after the element when it holds only the name, else inside its text.
        var alone = authors[0].Match(TemplateSlots.Collapse(_byline.TextContent)) is { Success: true } m && m.Length == TemplateSlots.Collapse(_byline.TextContent).Length;
        ReplaceText(_byline, authors[0], alone ? name : name + after);

        // Co-authors named in the same byline go; the credit names the original's reporters.
        var container = _byline.ParentElement ?? _byline;
        foreach (var other in authors.Skip(1))
        {
            foreach (var holder in container.QuerySelectorAll("*").Where(e => other.IsMatch(e.TextContent) && !e.Children.Any(c => other.IsMatch(c.TextContent))).ToList())
            {
                ReplaceText(holder, other, string.Empty);
            }
        }

        if (alone && after.Length > 0)
        {
            _byline.After(_document.CreateTextNode(after));
        }
    }

    /// <summary>Replaces the name in the text node holding it, or flattens the element's text when markup splits the name.</summary>
    private static void ReplaceText(IElement element, System.Text.RegularExpressions.Regex name, string replacement)
    {
        var escaped = replacement.Replace("$", "$$", StringComparison.Ordinal);
        foreach (var node in element.Descendants<IText>())
        {
            if (name.IsMatch(node.Data))
            {
                node.Data = name.Replace(node.Data, escaped, 1);
                return;
            }
        }

        element.TextContent = name.Replace(TemplateSlots.Collapse(element.TextContent), escaped, 1);
    }

    private IElement Logo()
    {
        var image = _document.CreateElement("img");
        image.SetAttribute("src", LogoFile);
        image.SetAttribute("alt", LogoAlt);
        image.SetAttribute("width", "300");
        image.SetAttribute("height", "75");
        return image;
    }

    private IElement Paragraph(string text)
    {
        var p = _document.CreateElement("p");
        p.TextContent = text;
        return p;
    }

    private IElement Teaser(string headline, string credit)
    {
        var box = _document.CreateElement("div");
        var heading = _document.CreateElement("h3");
        var link = _document.CreateElement("a");
        link.SetAttribute("href", "/news/" + string.Join('-', headline.ToLowerInvariant().Split(' ')) + "/");
        link.TextContent = headline;
        heading.AppendChild(link);
        box.AppendChild(heading);
        box.AppendChild(Paragraph(credit));
        return box;
    }
}
