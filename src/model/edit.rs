//! Structural edits: adding, removing, duplicating and moving sections and
//! articles. Articles are addressed by id so that an edit still means the
//! same article after others have moved; sections by position.
//!
//! Every operation leaves the issue valid in the structural sense (ids stay
//! unique) and is a no-op, returning `None` or `false`, when its target
//! does not exist — never a panic.

use super::{Article, ArticleId, Issue, Section};

impl Issue {
    /// Appends an empty section and returns its index.
    pub fn add_section(&mut self) -> usize {
        self.sections.push(Section::default());
        self.sections.len() - 1
    }

    /// Removes a section with its articles.
    pub fn delete_section(&mut self, section: usize) -> Option<Section> {
        (section < self.sections.len()).then(|| self.sections.remove(section))
    }

    /// Inserts a copy of a section after it; its articles get new ids.
    pub fn duplicate_section(&mut self, section: usize) -> Option<usize> {
        let mut copy = self.sections.get(section)?.clone();
        for article in &mut copy.articles {
            article.id = ArticleId(0);
        }
        for index in 0..copy.articles.len() {
            let id = self.fresh_article_id_avoiding(&copy);
            copy.articles[index].id = id;
        }
        self.sections.insert(section + 1, copy);
        Some(section + 1)
    }

    /// Moves a section by `delta` places (negative: up). Returns its new
    /// index, or `None` when it cannot move that way.
    pub fn move_section_by(&mut self, section: usize, delta: isize) -> Option<usize> {
        let target = section.checked_add_signed(delta)?;
        if section >= self.sections.len() || target >= self.sections.len() {
            return None;
        }
        let moved = self.sections.remove(section);
        self.sections.insert(target, moved);
        Some(target)
    }

    /// Moves a section so that it ends up at index `to` (clamped).
    pub fn move_section_to(&mut self, section: usize, to: usize) -> Option<usize> {
        if section >= self.sections.len() {
            return None;
        }
        let moved = self.sections.remove(section);
        let to = to.min(self.sections.len());
        self.sections.insert(to, moved);
        Some(to)
    }

    /// Appends a new, empty article to a section and returns its id.
    pub fn add_article(&mut self, section: usize) -> Option<ArticleId> {
        let id = self.fresh_article_id();
        let articles = &mut self.sections.get_mut(section)?.articles;
        articles.push(Article::new(id));
        Some(id)
    }

    /// Removes an article, returning where it was and what it held.
    pub fn delete_article(&mut self, id: ArticleId) -> Option<(usize, usize, Article)> {
        let (s, a) = self.find_article(id)?;
        Some((s, a, self.sections[s].articles.remove(a)))
    }

    /// Inserts a copy of an article after it, with a new id.
    pub fn duplicate_article(&mut self, id: ArticleId) -> Option<ArticleId> {
        let (s, a) = self.find_article(id)?;
        let mut copy = self.sections[s].articles[a].clone();
        copy.id = self.fresh_article_id();
        let new_id = copy.id;
        self.sections[s].articles.insert(a + 1, copy);
        Some(new_id)
    }

    /// Moves an article one place up (`delta < 0`) or down, crossing into
    /// the neighbouring section at a section's edge. Returns whether it moved.
    pub fn move_article_by(&mut self, id: ArticleId, delta: isize) -> bool {
        let Some((s, a)) = self.find_article(id) else {
            return false;
        };
        let len = self.sections[s].articles.len();
        let (to_section, to_index) = match delta.signum() {
            -1 if a > 0 => (s, a - 1),
            -1 if s > 0 => (s - 1, self.sections[s - 1].articles.len()),
            1 if a + 1 < len => (s, a + 1),
            1 if s + 1 < self.sections.len() => (s + 1, 0),
            _ => return false,
        };
        self.move_article_to(id, to_section, to_index)
    }

    /// Moves an article to `index` within `section` (index counted after the
    /// article has been taken out; clamped to the section's end).
    pub fn move_article_to(&mut self, id: ArticleId, section: usize, index: usize) -> bool {
        if section >= self.sections.len() {
            return false;
        }
        let Some((s, a)) = self.find_article(id) else {
            return false;
        };
        let article = self.sections[s].articles.remove(a);
        let articles = &mut self.sections[section].articles;
        let index = index.min(articles.len());
        articles.insert(index, article);
        true
    }

    /// A fresh id unused both in this issue and in `extra`.
    fn fresh_article_id_avoiding(&self, extra: &Section) -> ArticleId {
        loop {
            let id = self.fresh_article_id();
            if extra.articles.iter().all(|a| a.id != id) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn units(issue: &Issue) -> Vec<Vec<&str>> {
        issue
            .sections
            .iter()
            .map(|s| s.articles.iter().map(|a| a.unit.as_str()).collect())
            .collect()
    }

    fn two_sections() -> (Issue, [ArticleId; 3]) {
        let mut issue = crate::sample::issue();
        let ids: Vec<ArticleId> = issue.articles().map(|(_, _, a)| a.id).collect();
        let s = issue.add_section();
        issue.sections[s].heading = "志愿服务".into();
        (issue, [ids[0], ids[1], ids[2]])
    }

    #[test]
    fn articles_move_within_and_across_sections() {
        let (mut issue, [dong, fang, chang]) = two_sections();
        assert!(issue.move_article_by(fang, -1));
        assert_eq!(
            units(&issue),
            vec![vec!["房山区", "东城区", "昌平区"], vec![]]
        );
        assert!(
            !issue.move_article_by(fang, -1),
            "the first article cannot go up"
        );
        assert!(
            issue.move_article_by(chang, 1),
            "the last article moves into the next section"
        );
        assert_eq!(
            units(&issue),
            vec![vec!["房山区", "东城区"], vec!["昌平区"]]
        );
        assert!(issue.move_article_by(chang, -1));
        assert_eq!(
            units(&issue),
            vec![vec!["房山区", "东城区", "昌平区"], vec![]]
        );
        assert!(issue.move_article_to(dong, 1, 99));
        assert_eq!(
            units(&issue),
            vec![vec!["房山区", "昌平区"], vec!["东城区"]]
        );
        assert!(!issue.move_article_to(ArticleId(12345), 0, 0));
        assert!(!issue.move_article_to(dong, 7, 0));
    }

    #[test]
    fn duplicates_get_new_ids_and_sit_after_the_original() {
        let (mut issue, [dong, ..]) = two_sections();
        let copy = issue.duplicate_article(dong).expect("duplicated");
        assert_ne!(copy, dong);
        assert_eq!(
            units(&issue)[0],
            vec!["东城区", "东城区", "房山区", "昌平区"]
        );
        assert_eq!(issue.sections[0].articles[1].id, copy);

        let s = issue.duplicate_section(0).expect("duplicated");
        assert_eq!(s, 1);
        let ids: std::collections::HashSet<ArticleId> =
            issue.articles().map(|(_, _, a)| a.id).collect();
        assert_eq!(ids.len(), 8, "every article keeps a unique id");
    }

    #[test]
    fn deleting_returns_what_was_removed() {
        let (mut issue, [_, fang, _]) = two_sections();
        let (s, a, article) = issue.delete_article(fang).expect("deleted");
        assert_eq!((s, a, article.unit.as_str()), (0, 1, "房山区"));
        assert!(issue.delete_article(fang).is_none());
        assert_eq!(
            issue.delete_section(1).map(|s| s.heading),
            Some("志愿服务".to_owned())
        );
        assert!(issue.delete_section(5).is_none());
    }

    #[test]
    fn sections_move_and_new_articles_are_empty() {
        let (mut issue, _) = two_sections();
        assert_eq!(issue.move_section_by(1, -1), Some(0));
        assert_eq!(issue.sections[0].heading, "志愿服务");
        assert_eq!(issue.move_section_by(0, -1), None);
        assert_eq!(issue.move_section_to(0, 9), Some(1));
        let id = issue.add_article(0).expect("added");
        let (s, a) = issue.find_article(id).expect("found");
        assert_eq!((s, a), (0, 3));
        assert!(issue.sections[0].articles[3].is_empty());
        assert_eq!(issue.sections[0].articles[3].body, Vec::<Paragraph>::new());
        assert!(issue.add_article(9).is_none());
    }
}
