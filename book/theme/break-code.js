// Lets long code in table cells wrap at natural points instead of in the middle of a
// name: after `::`, `.`, `_`, `,`, `/` and an opening bracket (never leaving a scrap of
// fewer than four characters alone on a line). Only the rendering
// changes (<wbr> adds no characters: copying and searching see the same text).
// Loaded by book.toml (additional-js); local, like every script of this book.
(function () {
    "use strict";
    var breakAfter = /(::|[._,\/(\[{])/g;
    document.querySelectorAll(".content table code").forEach(function (code) {
        if (code.children.length > 0 || code.textContent.length < 14) {
            return;
        }
        var parts = [];
        code.textContent.replace(breakAfter, "$1\u0000").split("\u0000").forEach(function (part) {
            if (parts.length > 0 && part.length < 4) {
                parts[parts.length - 1] += part;
            } else {
                parts.push(part);
            }
        });
        if (parts.length < 2) {
            return;
        }
        code.textContent = "";
        parts.forEach(function (part, i) {
            if (i > 0) {
                code.appendChild(document.createElement("wbr"));
            }
            code.appendChild(document.createTextNode(part));
        });
    });
})();
