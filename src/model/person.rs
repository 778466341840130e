/// Index of a person in `Spec::people`.
pub type PersonId = usize;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
}
