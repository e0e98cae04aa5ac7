// Generated pages for the extraction benchmark: a large company site's page of a given size (product catalogue,
// news, navigation, a footer with the contacts, JSON-LD), deterministic so runs compare. It has no meta
// description, so the extractor also runs Readability: the slowest path a capture takes.

const WORDS = (
  'industrial automation sensors controllers precision motion systems engineering service support quality delivery ' +
  'global customers manufacturing solutions reliable components integration factory robotics software hardware design'
).split(' ');

/** A small deterministic generator (mulberry32): the same page on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next, words) {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]);
  return `${picked.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function productCard(next, i) {
  return (
    `<div class="card product" data-id="${i}"><a href="/products/${i}"><img src="/img/p${i}.jpg" alt="Product ${i}" width="240" height="160"></a>` +
    `<h3><a href="/products/${i}">Series ${i} ${WORDS[i % WORDS.length]} module</a></h3>` +
    `<p>${sentence(next, 18)} ${sentence(next, 14)}</p>` +
    `<ul class="specs"><li>Rated ${10 + (i % 90)} kW</li><li>IP${54 + (i % 3)}</li><li>Lead time ${1 + (i % 8)} weeks</li></ul>` +
    `<span class="price">From $${(199 + i * 7) % 5000}</span><button type="button">Add to quote</button></div>`
  );
}

function newsItem(next, i) {
  return `<article class="news"><h4><a href="/news/${i}">${sentence(next, 8)}</a></h4><time datetime="2024-0${1 + (i % 9)}-1${i % 10}">2024</time><p>${sentence(next, 30)} ${sentence(next, 25)}</p></article>`;
}

const HEAD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Northwind Motion Systems | Industrial automation since 1998</title>
<meta property="og:site_name" content="Northwind Motion Systems">
<link rel="canonical" href="https://www.northwind-motion.com/products">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Corporation","name":"Northwind Motion Systems","legalName":"Northwind Motion Systems, Inc.","url":"https://www.northwind-motion.com/","foundingDate":"1998","telephone":"+1 617 555 0134","address":{"@type":"PostalAddress","streetAddress":"200 Harbor Way","addressLocality":"Boston","addressRegion":"MA","postalCode":"02110","addressCountry":"US"},"sameAs":["https://www.linkedin.com/company/northwind-motion","https://github.com/northwind-motion"]}</script>
<style>.card{display:inline-block;width:240px}</style></head><body>`;

const NAV = `<header><a href="/" class="logo"><img src="/logo.svg" alt="Northwind Motion Systems logo"></a><nav><ul>${Array.from({ length: 60 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('')}</ul></nav></header>`;

const FOOTER = `<footer><div class="contact"><h4>Contact us</h4><address>200 Harbor Way, Boston, MA 02110, USA</address>
<p>Tel: <a href="tel:+16175550134">+1 (617) 555-0134</a> · Fax: +1 (617) 555-0135 · <a href="mailto:sales@northwind-motion.com">sales@northwind-motion.com</a></p>
<p><a href="https://www.linkedin.com/company/northwind-motion">LinkedIn</a> <a href="https://x.com/northwindmotion">X</a> <a href="https://www.youtube.com/@northwindmotion">YouTube</a></p></div>
<p>© 1998-2024 Northwind Motion Systems, Inc. All rights reserved.</p></footer></body></html>`;

/** A company page of about `bytes` bytes (UTF-8). */
export function largeCompanyPage(bytes) {
  const next = random(1998);
  const parts = [HEAD, NAV, '<main><h1>Products</h1><p>Northwind Motion Systems builds motion control for factories in 40 countries. We have served manufacturers since 1998 with over 500 employees.</p>'];
  let size = parts.reduce((total, part) => total + part.length, FOOTER.length);
  for (let i = 0; size < bytes - 2000; i++) {
    const part = i % 5 === 4 ? newsItem(next, i) : productCard(next, i);
    parts.push(part);
    size += part.length;
  }
  parts.push('</main>', FOOTER);
  return parts.join('');
}

/** A page nested `depth` elements deep with the contacts at the bottom: recursion would overflow the stack. */
export function deeplyNestedPage(depth) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deepnest Ltd</title></head><body>${'<div>'.repeat(depth)}<p>Contact: hello@deepnest.co.uk, +44 20 7946 0018</p>${'</div>'.repeat(depth)}</body></html>`;
}
